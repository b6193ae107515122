package org.interlock.gateway.federation.receive;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interlock.federation.RefusalReason;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.federation.Federation;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemException;

/**
 * The peer interface: another deployment's gateway posts one signed envelope (ADR 0021). No realm token — peers
 * have none — and none is asked for: the envelope's signature under an anchored key is the authentication, which
 * is why this is the one resource of the gateway open to a caller without a token ({@code PermitAll}; every other
 * resource is annotated, and unannotated ones are denied). The size was checked before the body was read
 * ({@link EnvelopeSizeGuard}). Where mutual TLS is required the request's verified client certificate goes with the
 * body to the receiver, which binds it to the signer. Disabled federation: 404, and nothing is audited.
 */
@Path(EnvelopeResource.PATH)
@PermitAll
@Tag(name = "Federation", description = "Signed envelopes between Interlock deployments (ADR 0021)")
public class EnvelopeResource {

    public static final String PATH = "/federation/v1/envelopes";
    /** A compact JWS (RFC 7515 section 9.2.1). */
    public static final String MEDIA_TYPE = "application/jose";

    private final Federation federation;
    private final EnvelopeReceiver receiver;

    public EnvelopeResource(Federation federation, EnvelopeReceiver receiver) {
        this.federation = federation;
        this.receiver = receiver;
    }

    @POST
    @Blocking
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @SecurityRequirements
    @Operation(summary = "Receive an envelope from a federation peer",
            description = "A compact JWS signed with the sender's anchored Ed25519 key. Answered 200 with a receipt"
                    + " when accepted or already received (a re-signed retry of the same sending); refused with a"
                    + " problem typed urn:interlock:problem:federation:<code>: 400 malformed, wrong-algorithm,"
                    + " wrong-type, unsupported-header; 401 client-certificate-required (where the deployment requires"
                    + " mutual TLS: sent without a verified TLS client certificate), unknown-peer, unknown-key,"
                    + " bad-signature, stale, issued-in-future, client-certificate-mismatch (the certificate is not"
                    + " issued to the name anchored for the signing peer); 403 key-revoked, key-expired, key-not-yet-valid; 409 replayed,"
                    + " sequence-not-increasing; 413 oversized. Every outcome is audited. Besides shares (an agency"
                    + " event's own type), the payload's CloudEvent type is one of org.interlock.federation.request.v1,"
                    + " answer.v1, permission.v1, revocation.v1 and outcomes.v1 (a period's aggregate outcomes, data as"
                    + " the OutcomesEnvelopeData schema; a malformed cell refuses the whole envelope as malformed).")
    @RequestBody(required = true, content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING,
                    pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$")))
    @APIResponse(responseCode = "200", description = "Accepted, or already received",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "Not an envelope", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Does not authenticate a peer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Key anchored but not usable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Federation is not enabled", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Replayed, or out of sequence", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Larger than the maximum", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Could not be audited or stored; send again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response receive(byte[] body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("traceparent") String traceparent, @Context HttpServerRequest request) {
        if (!federation.enabled()) {
            throw ProblemException.notFound("This deployment does not federate");
        }
        String traceId = RequestTrace.of(null, traceparent).traceId();
        EnvelopeReceiver.Outcome outcome = !jose(contentType)
                ? receiver.refuseUnread(RefusalReason.MALFORMED, "the content type is not " + MEDIA_TYPE, traceId)
                : receiver.receive(body, ClientCertificate.of(request), traceId);
        return switch (outcome) {
            case EnvelopeReceiver.Outcome.Held held -> Response.ok(held.receipt(), MediaType.APPLICATION_JSON).build();
            case EnvelopeReceiver.Outcome.Refused refused -> refused.refusal().response(PATH);
        };
    }

    private static boolean jose(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.valueOf(contentType);
            return type != null && "application".equalsIgnoreCase(type.getType()) && "jose".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
