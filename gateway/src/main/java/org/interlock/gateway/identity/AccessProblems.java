package org.interlock.gateway.identity;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.ForbiddenException;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemMapper;
import org.interlock.platform.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A caller refused by a role check ({@code @RolesAllowed}) gets the same problem document as any
 * other refusal, instead of the framework's empty 403; it says which kind of caller may, not why
 * this one may not.
 */
public class AccessProblems {

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problems.problem(new ProblemException(ProblemType.FORBIDDEN,
                "This resource is not open to the caller's role"), uri);
    }
}
