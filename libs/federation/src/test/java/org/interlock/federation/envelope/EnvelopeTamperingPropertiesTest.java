package org.interlock.federation.envelope;

import static org.interlock.federation.envelope.Federation.NOW;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever one character of a signed envelope is changed to, or removed, the envelope is refused. */
class EnvelopeTamperingPropertiesTest {

    private static final String ORIGINAL = Federation.nlSigner(NOW).sign(Federation.content(), 5).compact();

    @Example
    void theUntamperedEnvelopeIsAccepted() {
        assertInstanceOf(Verification.Accepted.class, Federation.verifier(Federation.anchors()).verify(ORIGINAL));
    }

    /** The last character of a 64-byte signature carries 4 unused bits: a lenient decoder ignores them. */
    @Example
    void theSameSignatureSpelledWithOtherUnusedBitsIsRefused() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = ORIGINAL.charAt(ORIGINAL.length() - 1);
        char sameBytes = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String respelled = ORIGINAL.substring(0, ORIGINAL.length() - 1) + sameBytes;

        assertInstanceOf(Verification.Refused.class, Federation.verifier(Federation.anchors()).verify(respelled));
    }

    @Property(tries = 2000)
    void changingAnyCharacterIsRefused(@ForAll("positions") int position, @ForAll("characters") char replacement) {
        char[] tampered = ORIGINAL.toCharArray();
        if (tampered[position] == replacement) {
            replacement = replacement == 'A' ? 'B' : 'A';
        }
        tampered[position] = replacement;

        assertInstanceOf(Verification.Refused.class,
                Federation.verifier(Federation.anchors()).verify(new String(tampered)));
    }

    @Property(tries = 500)
    void removingAnyCharacterIsRefused(@ForAll("positions") int position) {
        String tampered = ORIGINAL.substring(0, position) + ORIGINAL.substring(position + 1);

        assertInstanceOf(Verification.Refused.class, Federation.verifier(Federation.anchors()).verify(tampered));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, ORIGINAL.length() - 1);
    }

    /** Every base64url character (the likeliest to get past a parser), the separators, padding and a few others. */
    @Provide
    Arbitrary<Character> characters() {
        return Arbitraries.oneOf(
                Arbitraries.chars().alpha().numeric().with('-', '_'),
                Arbitraries.of('.', '=', '+', '/', ' ', '\u00e9'));
    }
}
