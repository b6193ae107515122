package org.interlock.people;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The person index's REST API: reached only through the Interlock gateway (ADR 0014). */
@OpenAPIDefinition(info = @Info(title = "Interlock person index", version = "v1"))
public class PeopleApi extends Application {
}
