package org.interlock.gateway.people;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.interlock.contracts.PersonIndex;
import org.interlock.contracts.PersonReference;
import org.interlock.policy.PersonLinks;
import org.interlock.policy.views.PersonLinkRegister;

/**
 * Who resolves to whom, read by {@code StateTopicsReader} from the person index's compacted links
 * topic (ADR 0014): keyed by a person reference, the merge that points it at its survivor or the
 * unmerge that points it back at the person it was restored to; a tombstone once it is a person of
 * its own. A record that is not one of those, or names no valid reference, is refused whole: a
 * wrong link would let staff see another person's records.
 */
@ApplicationScoped
public class PersonLinksView implements PersonLinks {

    private final PersonLinkRegister register = new PersonLinkRegister();
    private final ObjectMapper json;

    public PersonLinksView(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<String> identities(String person) {
        return register.identities(person);
    }

    /** Applies one record of the links topic; throws if it is not one the index would write. */
    public void apply(ConsumerRecord<String, byte[]> record) {
        String reference = record.key();
        if (!PersonReference.isValid(reference)) {
            throw new IllegalArgumentException("link keyed by something that is not a person reference");
        }
        if (record.value() == null) {
            register.resolves(reference, reference);
            return;
        }
        String to = switch (header(record, "ce_type")) {
            case PersonIndex.MERGED -> field(record, "survivor");
            case PersonIndex.UNMERGED -> field(record, "restored");
            case null, default -> throw new IllegalArgumentException("link record of an unknown type");
        };
        if (!PersonIndex.SOURCE.toString().equals(header(record, "ce_source"))) {
            throw new IllegalArgumentException("link record not from the person index");
        }
        register.resolves(reference, to);
    }

    private String field(ConsumerRecord<String, byte[]> record, String name) {
        try {
            JsonNode data = json.readTree(record.value());
            String value = data.path(name).asText(null);
            if (!PersonReference.isValid(value)) {
                throw new IllegalArgumentException("link record whose " + name + " is not a person reference");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("link record that is not JSON", e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
