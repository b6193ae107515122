package org.interlock.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.interlock.audit.export.ExportVerdict.Tampered;
import org.interlock.audit.head.SignedTreeHead;

/**
 * Whatever single record is tampered with, and however, the verifier names that record first. A record
 * replaced together with its leaf hash is named exactly only with a signed checkpoint at every size, so
 * the log here has one for that case; with sparser checkpoints the finding is the range between two of them.
 */
class ExportTamperingPropertiesTest {

    enum Tampering { EDIT, EDIT_WITH_LEAF_HASH, DELETE, SWAP_WITH_NEXT, DUPLICATE }

    @Property(tries = 100)
    void theTamperedRecordIsTheOneNamed(@ForAll @IntRange(min = 2, max = 60) int size,
                                        @ForAll @IntRange(min = 0, max = 59) int at,
                                        @ForAll Tampering tampering) throws IOException {
        int victim = Math.min(at % size, size - 2);
        TestLog log = new TestLog(size);
        List<String> lines = log.exportLines(0);
        switch (tampering) {
            case EDIT -> lines.set(victim, lines.get(victim).replace("\"risk-management\"", "\"curiosity\""));
            case EDIT_WITH_LEAF_HASH -> lines.set(victim, TestLog.forgedLine(TestLog.record(victim, "curiosity")));
            case DELETE -> lines.remove(victim);
            case SWAP_WITH_NEXT -> Collections.swap(lines, victim, victim + 1);
            case DUPLICATE -> lines.add(victim + 1, lines.get(victim));
        }
        List<SignedTreeHead> everyCheckpoint = tampering == Tampering.EDIT_WITH_LEAF_HASH
                ? LongStream.rangeClosed(1, size).mapToObj(log::headAt).toList()
                : List.of();
        ExportVerdict verdict = new ExportVerifier(log.signer.verifier())
                .verify(new ByteArrayInputStream(TestLog.join(lines)), log.head(), everyCheckpoint);

        Finding finding = assertInstanceOf(Tampered.class, verdict).finding();
        long named = switch (finding) {
            case Finding.Altered altered -> altered.sequence();
            case Finding.Missing missing -> missing.sequence();
            case Finding.OutOfOrder outOfOrder -> outOfOrder.sequence();
            case Finding.Inserted inserted -> inserted.sequence();
            case Finding.Diverged diverged -> diverged.toSequence() - 1;
            default -> -1;
        };
        assertEquals(victim, named, finding.describe());
    }
}
