package org.interlock.partners;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The partners service's REST API: reached only through the Interlock gateway. */
@OpenAPIDefinition(info = @Info(title = "Interlock partners service", version = "v1"))
public class PartnersApi extends Application {
}
