package org.interlock.people.identity;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import org.interlock.contracts.PersonReference;
import org.interlock.people.actor.Actor;
import org.interlock.people.matching.IdentityRecord;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * {@code POST /api/v1/identities}: an agency asserts who a person is. The source agency is the
 * actor's, as the gateway asserted it, never the body's. 201 with what became of it; 422 for a
 * malformed identifier (naming it); 409 when it contradicts what is known (a review item waits).
 */
@Path("/api/v1/identities")
public class IdentityResource {

    private final IdentityService identities;
    private final Actor actor;

    public IdentityResource(IdentityService identities, Actor actor) {
        this.identities = identities;
        this.actor = actor;
    }

    @POST
    public Uni<Response> assertIdentity(@Valid @NotNull IdentityRequests.Assertion request) {
        IdentityRecord record = new IdentityRecord(UUID.randomUUID().toString(),
                request.person() == null ? PersonReference.random() : request.person(), actor.agency(),
                request.parsedIdentifiers(), request.name() == null ? null : request.name().toName(), request.aliasNames(),
                request.dateOfBirth());
        if (record.identifiers().isEmpty() && !record.isNamed()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "An identity needs an identifier or a name")
                    .withErrors(java.util.List.of(new Problem.FieldError("identifiers", "empty, and no name given"))));
        }
        return identities.assertIdentity(record, actor.username()).map(IdentityResource::answer);
    }

    private static Response answer(AssertionOutcome outcome) {
        return switch (outcome) {
            case AssertionView view -> Response.status(Response.Status.CREATED).entity(view).build();
            case AssertionOutcome.Conflict conflict -> throw new ProblemException(ProblemType.CONFLICT,
                    conflict.detail() + "; review item " + conflict.review() + " waits for an identity manager");
        };
    }
}
