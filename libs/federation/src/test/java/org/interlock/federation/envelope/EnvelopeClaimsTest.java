package org.interlock.federation.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class EnvelopeClaimsTest {

    @Test
    void aRefusedEnvelopesHeaderStillNamesTheClaimedSenderIdAndSequence() {
        String forged = Federation.forge().with("jti", "e-1").signedBy(Federation.STRANGER_KEY);

        assertEquals(new EnvelopeClaims(Optional.of("nl"), Optional.of("e-1"), OptionalLong.of(7)),
                EnvelopeClaims.of(forged));
    }

    @Test
    void claimsWithoutTheirProtocolShapeAreLeftOutRatherThanCopied() {
        String forged = Federation.forge().with("iss", "Robert'); DROP TABLE peers;--").with("jti", "a".repeat(65))
                .with("seq", -3).signedBy(Federation.NL_KEY);

        assertEquals(EnvelopeClaims.NONE, EnvelopeClaims.of(forged));
    }

    @Test
    void aBodyThatIsNoJwsClaimsNothing() {
        assertEquals(EnvelopeClaims.NONE, EnvelopeClaims.of("not an envelope"));
        assertEquals(EnvelopeClaims.NONE, EnvelopeClaims.of("!!!.e30.e30"));
    }
}
