package org.interlock.gateway.federation;

import java.util.regex.Pattern;

import org.interlock.policy.Principal;
import org.interlock.policy.language.Recipient;

/** How federation names things, checked one way wherever a name arrives: peers, and recipients on a side. */
public final class FederationIds {

    private static final Pattern PEER = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private FederationIds() {
    }

    public static boolean peer(String id) {
        return id != null && PEER.matcher(id).matches();
    }

    /**
     * A recipient on this side, as handling conditions name one ({@link Recipient#namedInConditions}): an agency
     * id, or {@code org:<id>} for a partner organisation; never another deployment.
     */
    public static boolean recipient(String id) {
        return Recipient.namedInConditions(id) && !id.startsWith(Principal.PEER_PREFIX);
    }

    /**
     * A peer's agreement as this side's audit names it ({@code federation:<peer>/<id>}): the id is the peer's
     * choice, so unprefixed it could name one of this side's agreements and be counted as one of them.
     */
    public static String peerAgreement(String peer, String agreement) {
        return agreement == null ? null : Principal.PEER_PREFIX + peer + "/" + agreement;
    }
}
