package org.interlock.people.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.contracts.PersonReference;
import org.interlock.people.identifier.Identifier;
import org.interlock.people.identifier.MalformedIdentifier;
import org.interlock.people.matching.PersonName;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/** What a client sends to assert an identity. */
public final class IdentityRequests {

    private IdentityRequests() {
    }

    public record Name(@NotBlank @Size(max = 100) String given, @NotBlank @Size(max = 100) String family) {
        PersonName toName() {
            return PersonName.of(given, family);
        }
    }

    /**
     * An identity as the caller's agency knows it.
     *
     * @param person the agency's reference; the index makes one when absent
     * @param identifiers {@code type:value}, e.g. {@code prison-number:A1234BC}
     */
    public record Assertion(@Pattern(regexp = PersonReference.REGEX) String person,
            @NotNull @Size(max = 6) List<@NotNull String> identifiers, @Valid Name name,
            @Size(max = 10) List<@Valid @NotNull Name> aliases, @Past LocalDate dateOfBirth) {

        /** The identifiers, parsed; a malformed one is a 422 naming its place in the request. */
        List<Identifier> parsedIdentifiers() {
            List<Identifier> parsed = new ArrayList<>();
            List<Problem.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < identifiers.size(); i++) {
                try {
                    parsed.add(Identifier.parse(identifiers.get(i)));
                } catch (MalformedIdentifier e) {
                    errors.add(new Problem.FieldError("identifiers[" + i + "]", e.getMessage()));
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "An identifier is malformed")
                        .withErrors(errors));
            }
            return parsed.stream().distinct().toList();
        }

        List<PersonName> aliasNames() {
            return aliases == null ? List.of() : aliases.stream().map(Name::toName).toList();
        }
    }
}
