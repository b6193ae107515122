package org.interlock.platform.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become responses: every error an application answers with is an
 * RFC 9457 problem document with a stable type. Unexpected failures are logged with their class
 * only and answered 500 without any detail.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return render(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMapper::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return render(Problem.of(ProblemType.VALIDATION_FAILED, "The request content is not valid")
                .withErrors(errors), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return malformedJson(uri);
        }
        return mismatched(mapping, uri);
    }

    /** Replaces the framework's own mapper for this type, which answers in its own format. */
    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return mismatched(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return mismatched(e, uri);
    }

    /** Well-formed JSON with a value of the wrong type or out of an enumeration: a validation problem. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(JsonMappingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException && e.getCause() instanceof JsonParseException) {
            return malformedJson(uri);
        }
        String field = path(e);
        String message = switch (e) {
            case InvalidFormatException invalid when invalid.getTargetType() != null && invalid.getTargetType().isEnum() ->
                "must be one of " + List.of(invalid.getTargetType().getEnumConstants());
            case InvalidFormatException invalid -> "is not a valid " + simpleName(invalid.getTargetType());
            case MismatchedInputException mismatched -> "has the wrong type (expected "
                    + simpleName(mismatched.getTargetType()) + ")";
            default -> "cannot be read";
        };
        return render(Problem.of(ProblemType.VALIDATION_FAILED, "The request content is not valid")
                .withErrors(List.of(new Problem.FieldError(field, message))), uri);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps what Jackson could not read in a 400: say which field was wrong.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mismatched(mapping, uri);
        }
        if (e.getCause() instanceof JsonParseException) {
            return malformedJson(uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = new Problem(type.uri(), type.title(), status, type.title(), null, List.of());
        return render(problem, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // The message may quote request content: only the class goes to the operator log.
        LOG.errorf("Unexpected %s while serving %s", e.getClass().getName(), uri.getPath());
        LOG.debugf(e, "Unexpected failure detail");
        return render(Problem.of(ProblemType.INTERNAL_ERROR, "The request could not be completed"), uri);
    }

    private static Response malformedJson(UriInfo uri) {
        return render(Problem.of(ProblemType.MALFORMED_REQUEST, "The body is not well-formed JSON"), uri);
    }

    static Response render(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri == null ? null : uri.getPath()))
                .build();
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Drop the method and parameter names Bean Validation puts first: "create.request.name" -> "name".
        String[] parts = path.split("\\.", 3);
        String field = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        return new Problem.FieldError(field, violation.getMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }
}
