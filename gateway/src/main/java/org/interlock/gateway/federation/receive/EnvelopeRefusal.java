package org.interlock.gateway.federation.receive;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.interlock.federation.RefusalReason;
import org.interlock.federation.envelope.EnvelopeClaims;
import org.interlock.platform.problem.Problem;

/**
 * An envelope refused, with its code, a detail that names peers, keys and envelope ids but nothing of the payload,
 * and what the envelope claimed to be. Answered as a problem typed by the code (ADR 0021):
 * <ul>
 *   <li>400 — the envelope is not one: {@code malformed}, {@code wrong-algorithm}, {@code wrong-type},
 *       {@code unsupported-header};</li>
 *   <li>401 — it does not authenticate a sender now: {@code client-certificate-required}, {@code unknown-peer},
 *       {@code unknown-key}, {@code bad-signature}, {@code stale}, {@code issued-in-future},
 *       {@code client-certificate-mismatch};</li>
 *   <li>403 — its key is anchored but may not speak: {@code key-revoked}, {@code key-expired},
 *       {@code key-not-yet-valid};</li>
 *   <li>409 — it was authenticated but conflicts with what was received: {@code replayed},
 *       {@code sequence-not-increasing};</li>
 *   <li>413 {@code oversized}; 503 {@code replay-window-full} (the durable store never fills, but the code exists).</li>
 * </ul>
 */
public record EnvelopeRefusal(RefusalReason reason, String detail, EnvelopeClaims claims) {

    /** The scheme a 401 names: the envelope's signature is the credential, not a token. */
    static final String CHALLENGE = "interlock-federation-jws";

    public static URI type(RefusalReason reason) {
        return URI.create("urn:interlock:problem:federation:" + reason.code());
    }

    public int status() {
        return switch (reason) {
            case OVERSIZED -> 413;
            case MALFORMED, WRONG_ALGORITHM, WRONG_TYPE, UNSUPPORTED_HEADER -> 400;
            case CLIENT_CERTIFICATE_REQUIRED, UNKNOWN_PEER, UNKNOWN_KEY, BAD_SIGNATURE, STALE, ISSUED_IN_FUTURE,
                 CLIENT_CERTIFICATE_MISMATCH -> 401;
            case KEY_REVOKED, KEY_EXPIRED, KEY_NOT_YET_VALID -> 403;
            case REPLAYED, SEQUENCE_NOT_INCREASING -> 409;
            case REPLAY_WINDOW_FULL -> 503;
        };
    }

    public Problem problem(String instance) {
        return new Problem(type(reason), "Envelope refused: " + reason.code(), status(), detail, instance, List.of());
    }

    public Response response(String instance) {
        Response.ResponseBuilder answer = Response.status(status()).type(Problem.MEDIA_TYPE).entity(problem(instance));
        if (status() == 401) {
            answer.header("WWW-Authenticate", CHALLENGE);
        }
        return answer.build();
    }
}
