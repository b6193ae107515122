package org.interlock.gateway.enforcement;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * The body of a change, read once and strictly before anything is decided on it. A body the gateway
 * cannot read exactly as one JSON object (not JSON, trailing content, a repeated key) is a 400: what
 * is decided must be what the service will read, so nothing the gateway could not read is forwarded.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body as a JSON object; null when there is none. */
    public static JsonNode object(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode read;
        try {
            read = strict(json).readTree(body);
        } catch (IOException e) {
            read = null;
        }
        if (read == null || !read.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "The request body must be one JSON object, each key once");
        }
        return read;
    }

    private static ObjectReader strict(ObjectMapper json) {
        return json.reader().withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
