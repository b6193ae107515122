package org.interlock.policy.redaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.internal.function.PathFunctionFactory;

/**
 * What a redaction may be: a JSONPath below the root ({@code $.details}, {@code $..secret},
 * {@code $.a[*].b}, {@code $.a[?(@.kind == 'X')]}) that names values to remove. One definition for
 * the policy loader, which refuses anything else at load time, and for the {@link Redactor}, which
 * refuses it again at release time should a permit arrive from elsewhere.
 */
public final class RedactionPath {

    private static final Pattern FUNCTION_CALL = Pattern.compile("\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private RedactionPath() {
    }

    /**
     * @throws IllegalArgumentException saying why {@code path} is not a redaction: not below the
     *                                  root; not JSONPath; ending in a function such as
     *                                  {@code length()}, which computes a value rather than naming one
     *                                  (the library would delete the function's operand, or fail); or
     *                                  calling a function the library does not have, which it accepts
     *                                  until a filter meets a record and then matches nothing there,
     *                                  so that the redaction would silently remove nothing
     */
    public static JsonPath compile(String path) {
        if (path == null || !path.startsWith("$.") && !path.startsWith("$[")) {
            throw new IllegalArgumentException("must start with $. or $[");
        }
        JsonPath compiled;
        try {
            compiled = JsonPath.compile(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        // Only a function token ends in ')': filters end in ')]'.
        if (compiled.getPath().endsWith(")")) {
            throw new IllegalArgumentException("ends in a function, which names no value to remove");
        }
        Matcher call = FUNCTION_CALL.matcher(path);
        while (call.find()) {
            // The library's own table of functions (an internal class: its tests pin the behaviour).
            if (!PathFunctionFactory.FUNCTIONS.containsKey(call.group(1))) {
                throw new IllegalArgumentException("unknown function " + call.group(1) + "()");
            }
        }
        return compiled;
    }
}
