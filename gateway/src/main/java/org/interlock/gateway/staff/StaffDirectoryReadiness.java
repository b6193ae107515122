package org.interlock.gateway.staff;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN until the staff directory has been read once: a gateway that does not know who is staff
 * would refuse every change naming someone. Afterwards UP, also while reads fail (the last good
 * copy is used; its age and the last failure are shown, and counted in the metrics).
 */
@Readiness
@ApplicationScoped
public class StaffDirectoryReadiness implements HealthCheck {

    static final String NAME = "Staff directory";

    private final KeycloakStaffDirectory directory;

    public StaffDirectoryReadiness(KeycloakStaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        directory.lastFailure().ifPresent(failure -> response.withData("lastFailure", failure));
        return directory.snapshot()
                .map(snapshot -> response.up()
                        .withData("members", snapshot.members().size())
                        .withData("loadedAt", snapshot.loadedAt().toString()))
                .orElseGet(() -> response.down().withData("reason", "not read from Keycloak yet"))
                .build();
    }
}
