package org.interlock.gateway.federation.receive;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A CloudEvent attribute of an authentic envelope, as far as this side records or decides on it: only a value with
 * the shape of an identifier (printable, no spaces, short), never anything else a peer could write there.
 */
public final class PeerAttributes {

    private static final Pattern IDENTIFIER = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private PeerAttributes() {
    }

    /** The attribute, or null when it is absent or not shaped like an identifier. */
    public static String of(ObjectNode event, String name) {
        String value = event.path(name).asText(null);
        return value != null && IDENTIFIER.matcher(value).matches() ? value : null;
    }
}
