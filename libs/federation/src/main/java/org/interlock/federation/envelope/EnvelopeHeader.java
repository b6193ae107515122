package org.interlock.federation.envelope;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;

/**
 * The protected header of an envelope (ADR 0021). The claims that identify the sending are header members, as RFC
 * 7519 section 5.3 allows, so that a receiver knows whose key to check before it reads the payload at all.
 */
final class EnvelopeHeader {

    /** The one algorithm: Ed25519, written {@code EdDSA} (RFC 8037). */
    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.EdDSA;
    static final JOSEObjectType TYPE = new JOSEObjectType("interlock-federation+jws");
    /** The sender's peer id. */
    static final String SENDER = "iss";
    /** The envelope's unique id. */
    static final String ENVELOPE_ID = "jti";
    /** Issued at, in seconds since the epoch. */
    static final String ISSUED_AT = "iat";
    /** The sender's audit sequence number of the record of this sending. */
    static final String AUDIT_SEQUENCE = "seq";

    private EnvelopeHeader() {
    }
}
