package org.interlock.gateway.federation;

import java.util.regex.Pattern;

/** How federation names things, checked one way wherever a name arrives: peers, and recipients on a side. */
public final class FederationIds {

    private static final Pattern PEER = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** A recipient on one side: an agency id, or {@code org:<id>} for a partner organisation. */
    private static final Pattern RECIPIENT = Pattern.compile("(org:)?[a-z0-9][a-z0-9-]{0,62}");

    private FederationIds() {
    }

    public static boolean peer(String id) {
        return id != null && PEER.matcher(id).matches();
    }

    public static boolean recipient(String id) {
        return id != null && RECIPIENT.matcher(id).matches();
    }
}
