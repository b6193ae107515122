package org.interlock.partners.web;

import java.util.List;

import jakarta.ws.rs.core.UriInfo;

import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * Query parameters that say whose records are read (organisation, person) are taken once: a
 * repeated parameter is refused rather than read as its first value, so that a second value can
 * never shadow the one the gateway decided on.
 */
public final class SingleValued {

    private SingleValued() {
    }

    public static void require(UriInfo uri, String... parameters) {
        for (String parameter : parameters) {
            List<String> values = uri.getQueryParameters().get(parameter);
            if (values != null && values.size() > 1) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                        "Query parameter " + parameter + " is given more than once");
            }
        }
    }
}
