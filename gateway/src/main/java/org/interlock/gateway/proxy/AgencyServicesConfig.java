package org.interlock.gateway.proxy;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import org.interlock.contracts.Agency;

/** Where the agency services are: {@code interlock.service.<agency>.url} (env {@code INTERLOCK_SERVICE_<AGENCY>_URL}). */
@ConfigMapping(prefix = "interlock.service")
public interface AgencyServicesConfig {

    Upstream prisons();

    Upstream probation();

    Upstream intelligence();

    Upstream partners();

    /** The person index (ADR 0014); without it the gateway answers /api/v1/people with 503. */
    Optional<Upstream> people();

    interface Upstream {
        /** Base URL of the service, without a trailing slash, e.g. http://prisons:8080. */
        String url();
    }

    default String url(Agency agency) {
        return switch (agency) {
            case PRISONS -> prisons().url();
            case PROBATION -> probation().url();
            case INTELLIGENCE -> intelligence().url();
            case PARTNERS -> partners().url();
        };
    }
}
