package org.interlock.federation.envelope;

import java.text.ParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.util.Base64URL;

/**
 * What a received envelope's header <em>claims</em> — sender, envelope id, audit sequence — read without
 * verifying anything, so that a refusal can be audited with what the sender said it was. Never trusted: a
 * refused envelope's claims may be anybody's. Each value is kept only if it has its protocol shape (a peer id,
 * an envelope id, a whole number), so nothing else a sender writes reaches the audit log.
 */
public record EnvelopeClaims(Optional<String> peer, Optional<String> envelopeId, OptionalLong auditSequence) {

    static final Pattern PEER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern ENVELOPE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** Nothing claimed: a body that was not read, or no readable header. */
    public static final EnvelopeClaims NONE = new EnvelopeClaims(Optional.empty(), Optional.empty(),
            OptionalLong.empty());

    /** The claims of a compact JWS's header, as far as they can be read and have their shape. */
    public static EnvelopeClaims of(String compact) {
        int dot = compact.indexOf('.');
        if (dot <= 0) {
            return NONE;
        }
        Header header;
        try {
            header = Header.parse(new Base64URL(compact.substring(0, dot)));
        } catch (ParseException | RuntimeException e) {
            return NONE;
        }
        return new EnvelopeClaims(
                shaped(header.getCustomParam(EnvelopeHeader.SENDER), PEER_ID),
                shaped(header.getCustomParam(EnvelopeHeader.ENVELOPE_ID), ENVELOPE_ID),
                header.getCustomParam(EnvelopeHeader.AUDIT_SEQUENCE) instanceof Number n
                        && (n instanceof Long || n instanceof Integer) && n.longValue() >= 0
                        ? OptionalLong.of(n.longValue()) : OptionalLong.empty());
    }

    /** The claims of a verified envelope: then they are facts. */
    public static EnvelopeClaims of(Envelope envelope) {
        return new EnvelopeClaims(Optional.of(envelope.senderPeer()), Optional.of(envelope.envelopeId()),
                OptionalLong.of(envelope.auditSequence()));
    }

    private static Optional<String> shaped(Object value, Pattern shape) {
        return value instanceof String text && shape.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }
}
