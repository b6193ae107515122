package org.interlock.policy.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.interlock.contracts.Classification;
import org.interlock.policy.Action;
import org.interlock.policy.ReleasedFields;
import org.interlock.policy.language.LegalBasis;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.SharingAgreement;

class PolicyLoaderTest {

    private static final String FILE = "test-policy.yaml";
    private static final List<String> MINIMAL = List.of(
            "version: t-1",                                                   // 1
            "purposes: [case-management, resettlement]",                      // 2
            "categories: [custody.release, licence.conditions]",              // 3
            "staff:",                                                         // 4
            "  roles: [probation-officer]",                                   // 5
            "agreements:",                                                    // 6
            "  - id: p2p",                                                    // 7
            "    from: prisons",                                              // 8
            "    to: probation",                                              // 9
            "    categories: [custody.*]",                                    // 10
            "    purposes: [case-management]",                                // 11
            "    maxClassification: official-sensitive",                      // 12
            "    legalBasis: statutory:Offender Management Act 2007 s.14");   // 13

    private static Policy load(List<String> lines) throws PolicyException {
        return new PolicyLoader().load(FILE, new StringReader(String.join("\n", lines) + "\n"));
    }

    private static List<String> replacing(int line, String text) {
        List<String> lines = new ArrayList<>(MINIMAL);
        lines.set(line - 1, text);
        return lines;
    }

    private static List<String> adding(String... more) {
        List<String> lines = new ArrayList<>(MINIMAL);
        lines.addAll(List.of(more));
        return lines;
    }

    private static PolicyException failure(List<String> lines) {
        return assertThrows(PolicyException.class, () -> load(lines));
    }

    @Test
    void minimalAgreementGetsTheSafeDefaults() throws PolicyException {
        SharingAgreement agreement = load(MINIMAL).agreements().getFirst();

        assertEquals(EnumSet.of(Action.READ, Action.SUBSCRIBE, Action.RECEIVE), agreement.actions());
        assertEquals(Set.of("P"), agreement.handling());
        assertEquals(true, agreement.requiresCaseload());
        assertEquals(ReleasedFields.WHOLE, agreement.fields());
        assertEquals(new LegalBasis.Statutory("Offender Management Act 2007 s.14"), agreement.legalBasis());
        assertEquals(Classification.OFFICIAL_SENSITIVE, agreement.maxClassification());
    }

    @Test
    void unknownKeyIsRejectedAtItsLine() {
        PolicyException e = failure(replacing(10, "    categorys: [custody.*]"));

        assertEquals(10, e.line());
        assertEquals("test-policy.yaml:10: unknown key 'categorys' in agreement #1 (allowed: actions, addressed, "
                + "askBeforeOnward, categories, closesAfter, description, fields, from, handling, id, keepFor, legalBasis, "
                + "maxClassification, onwardTo, opensBefore, purposes, redact, releaseAs, requiresCaseload, roles, to, "
                + "validFrom, validUntil)", e.getMessage());
    }

    @Test
    void unknownTopLevelKeyIsRejectedAtItsLine() {
        assertEquals(14, failure(adding("denies: []")).line());
    }

    @Test
    void malformedCategoryPatternIsRejected() {
        assertEquals("test-policy.yaml:10: category pattern 'custody.*.x' is not valid: write a category "
                + "(custody.release), a family (custody.*) or *", failure(replacing(10, "    categories: [custody.*.x]")).getMessage());
    }

    @Test
    void categoryNotDeclaredByThePolicyIsRejected() {
        assertEquals("test-policy.yaml:10: category pattern 'custody.relase' matches no declared category",
                failure(replacing(10, "    categories: [custody.relase]")).getMessage());
    }

    @Test
    void unknownClassificationIsRejected() {
        assertEquals("test-policy.yaml:12: unknown classification 'restricted' (one of: official, "
                + "official-sensitive, secret)", failure(replacing(12, "    maxClassification: restricted")).getMessage());
    }

    @Test
    void impossibleDateIsRejected() {
        assertEquals("test-policy.yaml:14: bad date '2027-02-30' (expected yyyy-mm-dd or an ISO-8601 instant "
                + "such as 2027-03-31T00:00:00Z)", failure(adding("    validUntil: 2027-02-30")).getMessage());
    }

    @Test
    void validUntilBeforeValidFromIsRejected() {
        assertEquals("test-policy.yaml:15: validUntil must be after validFrom",
                failure(adding("    validFrom: 2027-01-01", "    validUntil: 2026-01-01")).getMessage());
    }

    @Test
    void duplicateAgreementIdIsRejectedWithBothLines() {
        PolicyException e = failure(adding("  - id: p2p", "    from: probation", "    to: prisons",
                "    categories: [licence.conditions]", "    purposes: [case-management]",
                "    maxClassification: official", "    legalBasis: consent"));

        assertEquals("test-policy.yaml:14: duplicate agreement id 'p2p' (first defined at line 7)", e.getMessage());
    }

    @Test
    void purposeNotDeclaredByThePolicyIsRejected() {
        assertEquals("test-policy.yaml:11: unknown purpose 'resettle' (declared: case-management, resettlement)",
                failure(replacing(11, "    purposes: [resettle]")).getMessage());
    }

    @Test
    void malformedLegalBasisIsRejected() {
        assertEquals("test-policy.yaml:13: malformed legal basis 'by-law' must be 'statutory:<reference>' "
                + "(e.g. statutory:Offender Management Act 2007 s.14) or 'consent'",
                failure(replacing(13, "    legalBasis: by-law")).getMessage());
    }

    @Test
    void statuteWithoutReferenceIsRejected() {
        assertEquals(13, failure(replacing(13, "    legalBasis: 'statutory: '")).line());
    }

    @Test
    void handlingCodeCIsRejectedBecauseItNeverLeavesTheOrigin() {
        assertEquals("test-policy.yaml:14: handling code C never leaves the origin agency",
                failure(adding("    handling: [C]")).getMessage());
    }

    @Test
    void agreementGrantingWriteIsRejected() {
        assertEquals("test-policy.yaml:14: an agreement cannot grant write: only the owning agency writes its data",
                failure(adding("    actions: [read, write]")).getMessage());
    }

    @Test
    void releaseAsWithoutAFieldWhitelistIsRejected() {
        assertEquals("test-policy.yaml:14: releaseAs needs a 'fields' whitelist: only a projection may be released lower",
                failure(adding("    releaseAs: official")).getMessage());
    }

    @Test
    void releaseAsAboveTheMaximumIsRejected() {
        assertEquals("test-policy.yaml:15: releaseAs secret is above maxClassification official-sensitive",
                failure(adding("    fields: [$.person]", "    releaseAs: secret")).getMessage());
    }

    @Test
    void invalidRedactionPathIsRejected() {
        assertEquals("test-policy.yaml:14: invalid JSONPath '$.details.': Path must not end with a '.' or '..'",
                failure(adding("    redact: ['$.details.']")).getMessage());
    }

    @Test
    void redactionOnItsOwnLineIsRejectedAtThatLine() {
        assertEquals("test-policy.yaml:16: invalid JSONPath '$.a[*': Expected wildcard token to end with ']' on position 5",
                failure(adding("    redact:", "      - $.details", "      - '$.a[*'")).getMessage());
    }

    @Test
    void redactionEndingInAFunctionIsRejected() {
        // The library compiles it, and would delete $.details itself.
        assertEquals("test-policy.yaml:14: invalid JSONPath '$.details.length()': ends in a function, which names "
                + "no value to remove", failure(adding("    redact: ['$.details.length()']")).getMessage());
    }

    @Test
    void redactionCallingAnUnknownFunctionIsRejected() {
        // The library compiles it, and the filter would then match nothing: the redaction would remove nothing.
        assertEquals("test-policy.yaml:14: invalid JSONPath '$.notes[?(@.tags.lenght() > 0)]': unknown function "
                + "lenght()", failure(adding("    redact: ['$.notes[?(@.tags.lenght() > 0)]']")).getMessage());
    }

    @Test
    void redactionsOfEveryJsonPathFormTheRedactorAppliesAreAccepted() throws PolicyException {
        List<String> paths = List.of("$.details", "$..secret", "$.a[*].b", "$['a','b']", "$.notes[?(@.tags.length() > 0)]");

        assertEquals(paths, load(adding("    redact: [\"" + String.join("\", \"", paths) + "\"]"))
                .agreements().getFirst().redact());
    }

    @Test
    void redactionOfTheWholeRecordIsRejected() {
        assertEquals("test-policy.yaml:14: invalid JSONPath '$': must start with $. or $[",
                failure(adding("    redact: [$]")).getMessage());
    }

    @Test
    void unknownRecipientIsRejected() {
        assertEquals(9, failure(replacing(9, "    to: police")).line());
    }

    @Test
    void duplicateKeyIsRejected() {
        assertEquals("test-policy.yaml:14: duplicate key 'to'", failure(adding("    to: prisons")).getMessage());
    }

    @Test
    void brokenYamlIsRejectedWhereItIsNoticedAndWhereTheBrokenPartStarts() {
        assertEquals("test-policy.yaml:11: not valid YAML: expected ',' or ']', but got : "
                + "(while parsing a flow sequence that starts at line 10)",
                failure(replacing(10, "    categories: [custody.*")).getMessage());
    }

    @Test
    void emptyFileIsRejected() {
        assertEquals("test-policy.yaml:1: the file is empty", failure(List.of("")).getMessage());
    }

    @Test
    void denyRuleWithoutReasonIsRejected() {
        assertEquals("test-policy.yaml:15: deny rule #1 needs 'reason'",
                failure(adding("deny:", "  - id: no-intel", "    categories: [custody.release]")).getMessage());
    }
}
