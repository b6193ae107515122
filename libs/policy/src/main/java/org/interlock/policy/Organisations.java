package org.interlock.policy;

/** The partner organisations, as the partners service registers, suspends and reinstates them. */
public interface Organisations {

    /** None known: every partner organisation is barred. */
    Organisations NONE = new Organisations() {
        @Override
        public boolean isActive(String organisation) {
            return false;
        }

        @Override
        public boolean isSuspended(String organisation) {
            return false;
        }
    };

    /** Registered and not suspended. */
    boolean isActive(String organisation);

    /** Registered and suspended (one never registered is not active, but not suspended either). */
    boolean isSuspended(String organisation);
}
