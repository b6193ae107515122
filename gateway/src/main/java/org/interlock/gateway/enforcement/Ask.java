package org.interlock.gateway.enforcement;

import java.util.List;
import java.util.Map;

import org.interlock.audit.record.Action;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.contracts.catalogue.Operation;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.disclosure.Audience;
import org.interlock.policy.Principal;

/**
 * One request to an agency API, once authenticated, understood (its path matched to a catalogue
 * operation, its query to the operation's parameters) and its purpose checked.
 *
 * @param query            the declared query parameters, as decoded once
 * @param breakGlassReason the stated emergency reason, or null
 */
public record Ask(Principal principal, String client, ApiRequest request, Catalogue.Match match,
        Map<String, String> query, String purpose, String breakGlassReason, RequestTrace trace) {

    public Operation operation() {
        return match.operation();
    }

    /** The service's path, built from the operation's template and the matched values only. */
    public String servicePath() {
        return operation().path().expand(match.params());
    }

    /** Who reads, for the disclosure point. */
    public Audience reader() {
        return new Audience(principal, Evidence.actor(principal, client), org.interlock.policy.Action.READ,
                List.of(purpose), breakGlassReason, Action.DISCLOSE_REST, Audience.Recording.ASKED);
    }

    /** Who changes, for the disclosure point. */
    public Audience writer() {
        return new Audience(principal, Evidence.actor(principal, client), org.interlock.policy.Action.WRITE,
                List.of(purpose), null, Action.CHANGE_REST, Audience.Recording.ASKED);
    }
}
