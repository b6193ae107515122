package org.interlock.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import org.interlock.contracts.Agency;

/** Where the agency services are: {@code interlock.service.<agency>.url} (env {@code INTERLOCK_SERVICE_<AGENCY>_URL}). */
@ConfigMapping(prefix = "interlock.service")
public interface AgencyServicesConfig {

    Upstream prisons();

    Upstream probation();

    Upstream intelligence();

    Upstream partners();

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
