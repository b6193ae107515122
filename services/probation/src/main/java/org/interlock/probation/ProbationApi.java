package org.interlock.probation;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The probation service's REST API: reached only through the Interlock gateway. */
@OpenAPIDefinition(info = @Info(title = "Interlock probation service", version = "v1"))
public class ProbationApi extends Application {
}
