package org.interlock.gateway.disclosure;

/** The three ways a record leaves the gateway, each recorded under its own audit action. */
enum Channel {
    REST("DISCLOSE_REST", "over REST"),
    EXCHANGE("ROUTE_EVENT", "through the exchange"),
    FEED("PUSH_FEED", "on the feed");

    private final String action;
    private final String label;

    Channel(String action, String label) {
        this.action = action;
        this.label = label;
    }

    /** The audit record's action for this channel. */
    String action() {
        return action;
    }

    @Override
    public String toString() {
        return label;
    }
}
