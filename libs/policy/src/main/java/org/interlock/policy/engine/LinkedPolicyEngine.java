package org.interlock.policy.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Permit;
import org.interlock.policy.PersonLinks;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Resource;
import org.interlock.policy.Restrictions;
import org.interlock.policy.TrailStep;

/**
 * The decision point over linked identities (ADR 0014). A record about one reference of a person
 * is decided as if it were about each reference of that person in turn, and released if any one
 * of those decisions permits: whoever may see the person's records under one reference sees them
 * under all, by the same rule. Grants are never combined across references (a referral under one
 * and a consent under the other permit nothing), so a merge lets nobody see what no single
 * reference would have let them see. Restrictions go the other way: the views the delegate engine
 * consults must restrict through {@link #restrictions}, so a restriction on any reference holds for
 * all of them and several narrow to the staff every one names.
 */
public final class LinkedPolicyEngine implements PolicyEngine {

    private final PolicyEngine delegate;
    private final PersonLinks links;

    /** @param delegate an engine whose views restrict through {@link #restrictions(Restrictions, PersonLinks)} */
    public LinkedPolicyEngine(PolicyEngine delegate, PersonLinks links) {
        this.delegate = delegate;
        this.links = links;
    }

    /** The restrictions of every reference of the person, narrowed to the staff all of them name. */
    public static Restrictions restrictions(Restrictions restrictions, PersonLinks links) {
        return (agency, person) -> narrowest(restrictions, agency, links.identities(person));
    }

    @Override
    public Decision decide(DecisionRequest request) {
        String person = request.resource().person();
        Decision own = delegate.decide(request);
        if (person == null || own instanceof Permit) {
            return own;
        }
        List<String> identities = links.identities(person);
        for (String other : identities.subList(1, identities.size())) {
            if (delegate.decide(about(request, other)) instanceof Permit permit) {
                return linked(permit);
            }
        }
        return own;
    }

    @Override
    public boolean knownPurpose(String purpose) {
        return delegate.knownPurpose(purpose);
    }

    private static DecisionRequest about(DecisionRequest request, String person) {
        Resource r = request.resource();
        return new DecisionRequest(request.principal(), request.action(), new Resource(r.origin(), r.category(),
                r.classification(), r.handling(), person, r.type(), r.owningOrg(), r.addressee()),
                request.context(), request.change());
    }

    /** The trail says so; the identity itself stays out of it (no personal data in a trail). */
    private static Permit linked(Permit permit) {
        List<TrailStep> trail = new ArrayList<>(permit.trail());
        trail.add(new TrailStep("person-index", "permitted under another reference linked to the same person"));
        return new Permit(permit.agreementId(), permit.consentId(), permit.redactions(), permit.fields(),
                permit.releasedAs(), permit.breakGlass(), permit.policyVersion(), trail);
    }

    private static Optional<Set<String>> narrowest(Restrictions restrictions, Agency agency, List<String> identities) {
        if (identities.size() == 1) {
            return restrictions.restrictedTo(agency, identities.getFirst());
        }
        Optional<Set<String>> narrowed = Optional.empty();
        for (String identity : identities) {
            Optional<Set<String>> own = restrictions.restrictedTo(agency, identity);
            if (own.isPresent()) {
                narrowed = Optional.of(narrowed.map(staff -> intersection(staff, own.get())).orElse(own.get()));
            }
        }
        return narrowed;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
