package org.interlock.stack.supervision;

/**
 * What {@code deploy/stack status} shows of one component.
 *
 * @param restarts  how often it was started again, after a crash or on request
 * @param lastExit  why it last stopped running ("-" until it has)
 */
public record ComponentStatus(String name, long pid, State state, int restarts, String lastExit) {

    public enum State {
        STARTING, READY, RESTARTING, FAILED, STOPPED;

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }

    /** One tab-separated line of the status file. */
    public String line() {
        return String.join("\t", name, pid == 0 ? "-" : Long.toString(pid), state.toString(),
                Integer.toString(restarts), lastExit.replace('\t', ' ').replace('\n', ' '));
    }
}
