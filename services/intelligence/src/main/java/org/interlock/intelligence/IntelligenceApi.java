package org.interlock.intelligence;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The intelligence service's REST API: reached only through the Interlock gateway. */
@OpenAPIDefinition(info = @Info(title = "Interlock intelligence service", version = "v1"))
public class IntelligenceApi extends Application {
}
