package org.interlock.policy.loading;

/**
 * A policy file (or a policy test file, or the review triggers' rule and test files, which are read the same
 * way) that cannot be used, with where and what: {@code file:line: problem}.
 * Checked, because the caller must decide what happens then; the policy in force stays in force.
 */
public class PolicyException extends Exception {

    private final String file;
    private final int line;
    private final String problem;

    public PolicyException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the file could not be read at all. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
