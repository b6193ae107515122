package org.interlock.gateway.federation.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.federation.outcomes.PublishedCell;
import org.junit.jupiter.api.Test;

class OutcomesEnvelopesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-10-02T09:00:00Z");
    private static final Period Q3 = Period.parse("2026-Q3").orElseThrow();

    private static ObjectNode event(String cells) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"type":"org.interlock.federation.outcomes.v1","time":"2026-10-02T09:00:00Z","subject":"outcomes/2026-Q3",
                 "data":{"period":"2026-Q3","cells":%s}}""".formatted(cells));
    }

    @Test
    void whatIsSentIsReadBackAndASuppressedCellCarriesNoNumber() {
        List<PublishedCell> cells = List.of(new PublishedCell("mentoring", "2026-Q3", "COMPLETED", OptionalLong.of(12)),
                new PublishedCell("mentoring", "2026-Q3", "NOT_COMPLETED", OptionalLong.empty()));
        ObjectNode event = OutcomesEnvelopes.outcomes("home", Q3, cells, AT).event();

        assertEquals("[{\"interventionType\":\"mentoring\",\"outcome\":\"COMPLETED\",\"count\":12},"
                + "{\"interventionType\":\"mentoring\",\"outcome\":\"NOT_COMPLETED\",\"suppressed\":true}]",
                event.path("data").path("cells").toString());
        assertEquals(new OutcomesEnvelopes.PeerTable(Q3, AT, cells), OutcomesEnvelopes.read(event));
    }

    @Test
    void everyMalformedCellRefusesTheTable() {
        for (String cells : List.of(
                "{}",
                "[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\",\"count\":1}]",
                "[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\",\"count\":2}]",
                "[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\",\"count\":-3}]",
                "[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\",\"count\":5.5}]",
                "[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\",\"count\":\"5\"}]",
                "[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\",\"suppressed\":false}]",
                "[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\",\"count\":5,\"suppressed\":true}]",
                "[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\"}]",
                "[{\"interventionType\":\"1m\",\"outcome\":\"COMPLETED\",\"count\":5}]",
                "[{\"interventionType\":\"m\",\"outcome\":\"DONE SO\",\"count\":5}]",
                "[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\",\"count\":5,\"person\":\"x\"}]",
                "[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\",\"count\":5},"
                        + "{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\",\"count\":6}]")) {
            assertThrows(IllegalArgumentException.class, () -> OutcomesEnvelopes.read(event(cells)), cells);
        }
    }

    @Test
    void anOutcomesEventAboutAPersonIsRefused() throws Exception {
        ObjectNode event = event("[]").put("subject", "urn:interlock:person:0b7e6a52-8f0e-4f6e-a1d2-5c3f9e8d7a61");
        assertThrows(IllegalArgumentException.class, () -> OutcomesEnvelopes.read(event));
    }

    @Test
    void aZeroAndACountAtTheLowestMinimumAreTables() throws Exception {
        assertEquals(2, OutcomesEnvelopes.read(event("[{\"interventionType\":\"m\",\"outcome\":\"COMPLETED\","
                + "\"count\":0},{\"interventionType\":\"m\",\"outcome\":\"NOT_COMPLETED\",\"count\":3}]"))
                .cells().size());
    }
}
