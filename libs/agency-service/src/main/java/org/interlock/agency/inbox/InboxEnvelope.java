package org.interlock.agency.inbox;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.contracts.EventType;
import org.interlock.contracts.PersonReference;

/** Reads and checks the CloudEvents envelope of an inbox record; anything amiss is unprocessable. */
final class InboxEnvelope {

    /** The gateway's own notices to a recipient (e.g. an erasure request): not any agency's events. */
    private static final Pattern GATEWAY_NOTICE =
            Pattern.compile("org\\.interlock\\.gateway\\.[a-z][a-z-]*\\.[a-z][a-z-]*\\.v[1-9][0-9]*");

    private InboxEnvelope() {
    }

    @SuppressWarnings("unchecked")
    static InboxEvent open(Message<String> message, ObjectMapper json) {
        IncomingCloudEventMetadata<String> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnprocessableEvent("not a CloudEvent (no ce_ headers)"));
        require(ce.getId() != null && !ce.getId().isBlank() && ce.getId().length() <= 200, "missing or invalid id");
        require(EventType.isWellFormed(ce.getType()) || isGatewayNotice(ce.getType()),
                "type is not an Interlock event type: " + ce.getType());
        require(ce.getSource() != null, "missing source");
        require(PersonReference.isValid(ce.getSubject().orElse(null)), "subject is not a person reference");
        String raw = message.getPayload();
        JsonNode data = parse(raw, json);
        return new InboxEvent(ce.getId(), ce.getType(), ce.getSource().toString(), ce.getSubject().orElseThrow(),
                extension(ce, CloudEventExtensions.CATEGORY), extension(ce, CloudEventExtensions.CLASSIFICATION),
                data, raw, extensions(ce));
    }

    private static boolean isGatewayNotice(String type) {
        return type != null && GATEWAY_NOTICE.matcher(type).matches();
    }

    private static Map<String, String> extensions(IncomingCloudEventMetadata<String> ce) {
        Map<String, String> extensions = new HashMap<>();
        ce.getExtensions().forEach((name, value) -> {
            if (value != null) {
                extensions.put(name, value.toString());
            }
        });
        return extensions;
    }

    private static JsonNode parse(String raw, ObjectMapper json) {
        require(raw != null, "no data");
        try {
            JsonNode data = json.readTree(raw);
            require(data != null && data.isObject(), "data is not a JSON object");
            return data;
        } catch (IOException e) {
            throw new UnprocessableEvent("data is not well-formed JSON");
        }
    }

    private static String extension(IncomingCloudEventMetadata<String> ce, String name) {
        Optional<Object> value = ce.getExtension(name);
        return value.map(Object::toString).orElse(null);
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new UnprocessableEvent(reason);
        }
    }
}
