package org.interlock.gateway;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The gateway's public API: agency REST, policy queries, audit and feeds. */
@OpenAPIDefinition(info = @Info(title = "Interlock gateway", version = "v1"))
public class GatewayApi extends Application {
}
