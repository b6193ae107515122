package org.interlock.prisons;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The prisons service's REST API: reached only through the Interlock gateway. */
@OpenAPIDefinition(info = @Info(title = "Interlock prisons service", version = "v1"))
public class PrisonsApi extends Application {
}
