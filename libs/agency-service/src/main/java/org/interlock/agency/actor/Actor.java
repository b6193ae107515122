package org.interlock.agency.actor;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import org.interlock.platform.actor.ActorAssertion;

/**
 * Who acts in this request, as the gateway asserted it and {@link ActorVerification} verified it
 * ({@code X-Interlock-Actor}). Known on every write under {@code /api/v1}, and on a read about the
 * caller ({@code ?assignee=me}); on any other read, or outside a request, nobody is.
 */
@RequestScoped
public class Actor {

    private ActorAssertion assertion;

    void verified(ActorAssertion verified) {
        this.assertion = verified;
    }

    public boolean isKnown() {
        return assertion != null;
    }

    /** The username of the member of staff who acts: what a record names as who did it. */
    public String username() {
        return known().username();
    }

    public String agency() {
        return known().agency();
    }

    /** The partner organisation the actor belongs to; null outside partner organisations. */
    public String org() {
        return known().org();
    }

    public List<String> roles() {
        return known().roles();
    }

    /** The OAuth client the actor came through. */
    public String client() {
        return known().client();
    }

    /** The gateway's id of the request. */
    public String requestId() {
        return known().requestId();
    }

    private ActorAssertion known() {
        if (assertion == null) {
            // A write reached service code without passing the verification: never record it as anyone.
            throw new IllegalStateException("No verified actor in this request");
        }
        return assertion;
    }
}
