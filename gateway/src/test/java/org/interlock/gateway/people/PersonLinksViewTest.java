package org.interlock.gateway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonIndex;
import org.interlock.contracts.PersonReference;
import org.junit.jupiter.api.Test;

/** The links topic as the person index writes it, and what the gateway refuses to believe of it. */
class PersonLinksViewTest {

    private final PersonLinksView view = new PersonLinksView(new ObjectMapper());
    private final String survivor = PersonReference.random();
    private final String merged = PersonReference.random();

    @Test
    void aMergeLinksAndATombstoneSeparatesAgain() {
        view.apply(link(merged, PersonIndex.MERGED, PersonIndex.SOURCE.toString(), "survivor", survivor));
        assertEquals(Set.of(survivor, merged), Set.copyOf(view.identities(survivor)));
        view.apply(new ConsumerRecord<>(PersonIndex.LINKS_TOPIC, 0, 1, merged, null));
        assertEquals(List.of(survivor), view.identities(survivor));
    }

    @Test
    void anUnmergePointsAReferenceBackAtThePersonItWasRestoredTo() {
        String third = PersonReference.random();
        view.apply(link(merged, PersonIndex.MERGED, PersonIndex.SOURCE.toString(), "survivor", survivor));
        view.apply(link(third, PersonIndex.MERGED, PersonIndex.SOURCE.toString(), "survivor", survivor));
        view.apply(link(third, PersonIndex.UNMERGED, PersonIndex.SOURCE.toString(), "restored", merged));
        view.apply(new ConsumerRecord<>(PersonIndex.LINKS_TOPIC, 0, 3, merged, null));
        assertEquals(Set.of(merged, third), Set.copyOf(view.identities(third)));
        assertEquals(List.of(survivor), view.identities(survivor));
    }

    @Test
    void aRecordTheIndexWouldNotWriteLinksNobody() {
        assertThrows(IllegalArgumentException.class,
                () -> view.apply(link(merged, PersonIndex.MERGED, "/agencies/prisons", "survivor", survivor)));
        assertThrows(IllegalArgumentException.class,
                () -> view.apply(link(merged, "org.interlock.prisons.custody.received.v1",
                        PersonIndex.SOURCE.toString(), "survivor", survivor)));
        assertThrows(IllegalArgumentException.class,
                () -> view.apply(link(merged, PersonIndex.MERGED, PersonIndex.SOURCE.toString(), "survivor", "A1234BC")));
        assertThrows(IllegalArgumentException.class,
                () -> view.apply(link("not-a-person", PersonIndex.MERGED, PersonIndex.SOURCE.toString(), "survivor",
                        survivor)));
        assertEquals(List.of(merged), view.identities(merged));
    }

    private static ConsumerRecord<String, byte[]> link(String key, String type, String source, String field,
            String value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(PersonIndex.LINKS_TOPIC, 0, 0, key,
                "{\"%s\":\"%s\"}".formatted(field, value).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", source.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
