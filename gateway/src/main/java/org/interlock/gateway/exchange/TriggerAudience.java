package org.interlock.gateway.exchange;

import static org.interlock.policy.Action.RECEIVE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.interlock.policy.Context;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Permit;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.triggers.evaluation.Firing;

/**
 * Who may hear of a firing (ADR 0015): a recipient the policy lets receive every event behind it,
 * under one purpose. A notice names those events, so it may reach only a recipient that could have
 * received each of them; an agency's inbox needs no permit for its own agency's events (a member of
 * staff, asked about, does: an analyst is not staff).
 */
final class TriggerAudience {

    private TriggerAudience() {
    }

    /**
     * The first purpose, in alphabetical order as the router tries them, under which the recipient
     * may receive every event that fired the rule; null when there is none, or when an event came
     * without its description.
     */
    static String permittedPurpose(PolicyEngine policy, Collection<String> purposes, Principal recipient,
            Firing firing, Instant now) {
        List<Resource> resources = new ArrayList<>();
        for (Object detail : firing.details()) {
            if (!(detail instanceof Resource resource)) {
                return null;
            }
            boolean ownInbox = recipient.username() == null && resource.origin().id().equals(recipient.agency());
            if (!ownInbox) {
                resources.add(resource);
            }
        }
        for (String purpose : new TreeSet<>(purposes)) {
            if (resources.stream().allMatch(resource -> policy.decide(new DecisionRequest(recipient, RECEIVE, resource,
                    Context.of(purpose, now))) instanceof Permit)) {
                return purpose;
            }
        }
        return null;
    }
}
