package org.interlock.gateway;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.interlock.gateway.federation.outcomes.OutcomesViews;

/** The gateway's public API: agency REST, policy queries, audit and feeds. */
@OpenAPIDefinition(info = @Info(title = "Interlock gateway", version = "v1"),
        // Envelopes between peers are signed JWS, not JSON bodies: their content's schemas are named here.
        components = @Components(schemas = @Schema(name = "OutcomesEnvelopeData",
                implementation = OutcomesViews.OutcomesEnvelopeData.class)))
public class GatewayApi extends Application {
}
