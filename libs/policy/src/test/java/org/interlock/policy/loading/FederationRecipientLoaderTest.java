package org.interlock.policy.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interlock.contracts.Classification;
import org.interlock.policy.Action;
import org.interlock.policy.Principal;
import org.interlock.policy.language.PeerConditions;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.language.SharingAgreement;
import org.junit.jupiter.api.Test;

/** {@code to: federation:<peer>}: only peers of the trust anchors, receive only, and matching nobody here. */
class FederationRecipientLoaderTest {

    private static final String FILE = "federation-policy.yaml";

    private static String policy(String to, String... more) {
        return String.join("\n", List.of(
                "version: f-1",                                              // 1
                "purposes: [public-protection]",                             // 2
                "categories: [intel.summary]",                               // 3
                "staff:",                                                    // 4
                "  roles: [analyst]",                                        // 5
                "agreements:",                                               // 6
                "  - id: summaries-to-nl",                                   // 7
                "    from: intelligence",                                    // 8
                "    to: " + to,                                             // 9
                "    categories: [intel.summary]",                           // 10
                "    purposes: [public-protection]",                         // 11
                "    maxClassification: official-sensitive",                 // 12
                "    legalBasis: statutory:Directive (EU) 2023/977 art. 7")) // 13
                + "\n" + String.join("\n", more) + "\n";
    }

    private static Policy load(KnownPeers peers, String text) throws PolicyException {
        return new PolicyLoader(peers).load(FILE, new StringReader(text));
    }

    @Test
    void anAgreementToAnAnchoredPeerLoadsAndGrantsReceiveOnly() throws PolicyException {
        SharingAgreement agreement = load(Set.of("nl")::contains, policy("federation:nl")).agreements().getFirst();

        assertEquals(new Recipient.OfPeer("nl"), agreement.to());
        assertEquals(Set.of(Action.RECEIVE), agreement.actions());
    }

    @Test
    void anAgreementToAPeerTheAnchorsDoNotNameIsALoadErrorNamingFileAndLine() {
        PolicyException e = assertThrows(PolicyException.class,
                () -> load(Set.of("nl")::contains, policy("federation:be")));

        assertEquals("federation-policy.yaml:9: unknown peer 'be' in federation:be: not among the trust anchors",
                e.getMessage());
    }

    @Test
    void withoutFederationEveryPeerIsUnknown() {
        PolicyException e = assertThrows(PolicyException.class, () -> load(KnownPeers.NONE, policy("federation:nl")));

        assertEquals(9, e.line());
    }

    @Test
    void aDenyRuleNamingAnUnknownPeerIsALoadErrorToo() {
        String text = policy("federation:nl",
                "deny:",                                                     // 14
                "  - id: nothing-to-be",                                     // 15
                "    to: [federation:be]",                                   // 16
                "    categories: ['*']",                                     // 17
                "    reason: not yet");                                      // 18

        PolicyException e = assertThrows(PolicyException.class, () -> load(Set.of("nl")::contains, text));

        assertEquals("federation-policy.yaml:16: unknown peer 'be' in federation:be: not among the trust anchors",
                e.getMessage());
    }

    @Test
    void anAgreementToAPeerCannotGrantReadOrRestOnConsent() {
        assertThrows(PolicyException.class, () -> load(Set.of("nl")::contains,
                policy("federation:nl", "    actions: [read, receive]")));
        assertThrows(PolicyException.class, () -> load(Set.of("nl")::contains,
                policy("federation:nl").replace("statutory:Directive (EU) 2023/977 art. 7", "consent")));
    }

    @Test
    void aPeerRecipientMatchesOnlyThatPeerAndNoPersonOrInboxOfThisDeployment() {
        Recipient nl = Recipient.parse("federation:nl");

        assertTrue(nl.matches(Principal.peer("nl")));
        assertFalse(nl.matches(Principal.peer("be")));
        assertFalse(nl.matches(Principal.person("mallory", "federation:nl", null, Set.of("analyst"),
                Classification.SECRET)));
        assertFalse(nl.matches(Principal.inbox("partners", "nl")));
        assertFalse(Recipient.parse("org:nl").matches(Principal.peer("nl")));
        assertFalse(Recipient.parse("intelligence").matches(Principal.peer("nl")));
        assertFalse(Recipient.addressedTo("nl", Principal.peer("nl")));
        assertFalse(Recipient.addressedTo("federation:nl", Principal.peer("nl")));
    }

    @Test
    void anAgreementToAPeerSendsTheStrictestConditionsUnlessItWritesOthers() throws PolicyException {
        SharingAgreement unwritten = load(Set.of("nl")::contains, policy("federation:nl")).agreements().getFirst();
        SharingAgreement written = load(Set.of("nl")::contains, policy("federation:nl",
                "    onwardTo: [probation, 'org:safe-haven']",
                "    askBeforeOnward: false",
                "    keepFor: P90D")).agreements().getFirst();

        assertEquals(PeerConditions.ASK_FIRST, unwritten.peerConditions());
        assertEquals(new PeerConditions(Set.of("probation", "org:safe-haven"), false,
                Optional.of(Duration.ofDays(90))), written.peerConditions());
    }

    @Test
    void onlyAnAgreementToAPeerWritesConditionsForAPeer() {
        PolicyException e = assertThrows(PolicyException.class, () -> load(Set.of("nl")::contains,
                policy("probation", "    onwardTo: [partners]")));

        assertEquals("federation-policy.yaml:7: 'onwardTo' is only for an agreement to: federation:<peer>",
                e.getMessage());
    }

    @Test
    void aRecipientIdThatIsNotOneIsALoadError() {
        PolicyException e = assertThrows(PolicyException.class, () -> load(Set.of("nl")::contains,
                policy("federation:nl", "    onwardTo: ['Probation Service']")));

        assertEquals(7, e.line());
    }
}
