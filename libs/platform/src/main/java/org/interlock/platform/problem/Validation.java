package org.interlock.platform.problem;

import java.util.List;

/** Validation problems found by domain rules rather than by Bean Validation annotations. */
public final class Validation {

    private Validation() {
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "The request content is not valid")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
