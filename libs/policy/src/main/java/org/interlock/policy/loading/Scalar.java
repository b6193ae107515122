package org.interlock.policy.loading;

/** A value read from a YAML file, with the line it came from, for error messages. */
public record Scalar(String value, int line) {
}
