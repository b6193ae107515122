package org.interlock.people.lookup;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.interlock.people.identifier.Identifier;
import org.interlock.people.identifier.MalformedIdentifier;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * {@code GET /api/v1/persons?identifier=prison-number:A1234BC}: the person an identifier names, as the
 * person reference it resolves to now. The gateway exposes it as {@code /api/v1/people/persons} and
 * decides and audits each lookup there (ADR 0014); 404 when no one holds the identifier.
 */
@Path("/api/v1/persons")
public class PersonResource {

    /** The person an identifier names. */
    public record PersonView(String identifier, String person) {
    }

    private final Pool pool;

    public PersonResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    public Uni<PersonView> lookup(@QueryParam("identifier") String identifier) {
        Identifier parsed = parse(identifier);
        return pool.preparedQuery("""
                SELECT coalesce(p.merged_into, p.reference) AS person
                FROM record_identifier i JOIN identity_record r ON r.id = i.record_id JOIN person p ON p.reference = r.person
                WHERE i.identifier = $1 ORDER BY r.asserted_at LIMIT 1""")
                .execute(Tuple.of(parsed.toString()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No person holds " + parsed);
                    }
                    return new PersonView(parsed.toString(), rows.iterator().next().getString("person"));
                });
    }

    private static Identifier parse(String identifier) {
        try {
            return Identifier.parse(identifier);
        } catch (MalformedIdentifier e) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "The identifier is malformed")
                    .withErrors(java.util.List.of(new Problem.FieldError("identifier", e.getMessage()))));
        }
    }
}
