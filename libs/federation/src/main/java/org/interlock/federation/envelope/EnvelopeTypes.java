package org.interlock.federation.envelope;

import java.util.Set;

/**
 * The CloudEvent types of the federation's own envelopes. Any other type is a share: an agency event released to
 * the peer under a cross-border agreement, carried with its own type.
 */
public final class EnvelopeTypes {

    /** A request for information (the envelope's {@code request} member says what is asked). */
    public static final String REQUEST = "org.interlock.federation.request.v1";
    /** The owner's answer to a request for information: answered, partly answered or refused. */
    public static final String ANSWER = "org.interlock.federation.answer.v1";
    /** The originator's permission to pass one received item on to one recipient. */
    public static final String PERMISSION = "org.interlock.federation.permission.v1";
    /** The originator's revocation of an item it sent: the receiving side erases it. */
    public static final String REVOCATION = "org.interlock.federation.revocation.v1";
    /**
     * A deployment's aggregate outcomes of interventions for one period, small counts suppressed: about no person,
     * so never held as an item (issue 18).
     */
    public static final String OUTCOMES = "org.interlock.federation.outcomes.v1";

    private static final Set<String> OWN = Set.of(REQUEST, ANSWER, PERMISSION, REVOCATION, OUTCOMES);

    private EnvelopeTypes() {
    }

    /** Whether an envelope of this type carries information about a person that the receiver holds as an item. */
    public static boolean carriesItem(String type) {
        return ANSWER.equals(type) || !OWN.contains(type);
    }
}
