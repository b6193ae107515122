package org.interlock.gateway.federation.received;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.federation.conditions.DisseminationCheck;
import org.interlock.federation.conditions.Onward;
import org.interlock.policy.Action;
import org.interlock.policy.Context;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Permit;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;

/**
 * Who on this side may hold an item a peer released, and to whom a holder may pass it on: the originator's
 * conditions first (who they listed, whether they ask to be asked, expiry), then this deployment's own rules,
 * which only narrow — a reader's clearance must reach the item's classification, and passing on needs this side's
 * policy to permit the holder's agency to release the item's category to the recipient. Fails closed: an item
 * whose classification this side does not know is held by nobody.
 */
@ApplicationScoped
public class HoldingRules {

    /** Why not, as the problem and the audit record say it. */
    public enum Refusal {
        NOT_ALLOWED_BY_ORIGINATOR("not-allowed-by-originator"),
        PERMISSION_REQUIRED("permission-required"),
        ITEM_EXPIRED("item-expired"),
        ITEM_REVOKED("item-revoked"),
        CLEARANCE("clearance"),
        LOCAL_POLICY("local-policy"),
        NOT_A_HOLDER("not-a-holder");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final DisseminationCheck originator = new DisseminationCheck();
    private final PolicyEngine policy;

    public HoldingRules(PolicyEngine policy) {
        this.policy = policy;
    }

    /** How a principal of this deployment is named in an originator's conditions: {@code org:<id>} or its agency. */
    public static String recipientId(Principal principal) {
        return principal.org() != null ? "org:" + principal.org() : principal.agency();
    }

    /**
     * Whether {@code reader} may hold (read) the item now; empty when it may. Staff of a statutory agency the
     * originator names hold it on receipt; a partner organisation the originator names holds it only once a holder
     * here passed it on to it, which this side's policy decided.
     */
    public Optional<Refusal> mayHold(HeldItem held, Principal reader, Instant now) {
        String reading = recipientId(reader);
        Optional<Refusal> byOriginator = byOriginator(held, reading, now);
        if (byOriginator.isPresent()) {
            return byOriginator;
        }
        if (!statutory(reader) && !held.passedOnTo().contains(reading)) {
            return Optional.of(Refusal.LOCAL_POLICY);
        }
        Optional<Classification> classification = classification(held);
        if (classification.isEmpty() || reader.clearance() == null || !classification.get().atMost(reader.clearance())) {
            return Optional.of(Refusal.CLEARANCE);
        }
        return Optional.empty();
    }

    /**
     * Whether {@code holder} may pass the item on to {@code recipient} ({@code org:<id>} or an agency id) for
     * {@code purpose}: the holder must hold it, the originator must allow the recipient, and this side's policy
     * must permit the holder's agency to release the category to the recipient.
     */
    public Optional<Refusal> mayPassOn(HeldItem held, Principal holder, String recipient, String purpose, Instant now) {
        if (mayHold(held, holder, now).isPresent()) {
            return Optional.of(Refusal.NOT_A_HOLDER);
        }
        Optional<Refusal> byOriginator = byOriginator(held, recipient, now);
        if (byOriginator.isPresent()) {
            return byOriginator;
        }
        return permittedHere(held, holder, recipient, purpose, now) ? Optional.empty() : Optional.of(Refusal.LOCAL_POLICY);
    }

    private static boolean statutory(Principal principal) {
        return principal.org() == null && Agency.ofId(principal.agency()).filter(Agency::statutory).isPresent();
    }

    private Optional<Refusal> byOriginator(HeldItem held, String recipient, Instant now) {
        return switch (originator.decide(held.item(), recipient, held.permissions(), now)) {
            case Onward.Allowed allowed -> Optional.empty();
            case Onward.Withheld withheld -> Optional.of(switch (withheld.reason()) {
                case ITEM_EXPIRED -> Refusal.ITEM_EXPIRED;
                case ITEM_REVOKED -> Refusal.ITEM_REVOKED;
                case PERMISSION_REQUIRED -> Refusal.PERMISSION_REQUIRED;
                case NOT_ALLOWED_BY_ORIGINATOR -> Refusal.NOT_ALLOWED_BY_ORIGINATOR;
            });
        };
    }

    private boolean permittedHere(HeldItem held, Principal holder, String recipient, String purpose, Instant now) {
        Optional<Classification> classification = classification(held);
        Agency origin;
        try {
            origin = Agency.fromId(String.valueOf(holder.agency()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (classification.isEmpty() || held.category() == null) {
            return false;
        }
        Principal to = recipient.startsWith("org:")
                ? Principal.inbox(Agency.PARTNERS.id(), recipient.substring("org:".length()))
                : Principal.inbox(recipient, null);
        Resource resource = new Resource(origin, held.category(), classification.get(), null, held.person(),
                held.type(), null, null);
        return policy.decide(new DecisionRequest(to, Action.RECEIVE, resource, Context.of(purpose, now), null))
                instanceof Permit;
    }

    private static Optional<Classification> classification(HeldItem held) {
        try {
            return Optional.ofNullable(held.classification()).map(Classification::fromLabel);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
