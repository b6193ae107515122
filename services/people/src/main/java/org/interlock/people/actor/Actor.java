package org.interlock.people.actor;

import jakarta.enterprise.context.RequestScoped;

import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/** Who acts in this request, as the gateway asserted it and {@link WhoActs} verified it; nobody on a read. */
@RequestScoped
public class Actor {

    /** The role that may confirm and reject links and undo merges (ADR 0014). */
    public static final String IDENTITY_MANAGER = "identity-manager";

    private ActorAssertion assertion;

    void verified(ActorAssertion verified) {
        this.assertion = verified;
    }

    public String username() {
        return known().username();
    }

    public String agency() {
        return known().agency();
    }

    /** Refuses the request unless the actor is an identity manager. */
    public void requireIdentityManager() {
        if (!known().roles().contains(IDENTITY_MANAGER)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only an identity manager decides who is whom");
        }
    }

    private ActorAssertion known() {
        if (assertion == null) {
            throw new IllegalStateException("No verified actor in this request");
        }
        return assertion;
    }
}
