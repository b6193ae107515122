package org.interlock.policy.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import org.interlock.contracts.Classification;
import org.interlock.policy.Permit;
import org.interlock.policy.ReleasedFields;

class RedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_AN_OBJECT = " not a JSON object: a field whitelist or a redaction cannot be applied to it";
    private final Redactor redactor = new Redactor();

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static Permit permit(List<String> redactions, List<String> fields) {
        return new Permit("a", null, redactions, fields, Classification.OFFICIAL, false, "v", List.of());
    }

    private ObligationFailure failure(Permit permit, JsonNode record) {
        return assertThrows(ObligationFailure.class, () -> redactor.release(permit, record));
    }

    @Test
    void exclusionZoneDetailsNeverReachThePartner() throws Exception {
        JsonNode condition = json("{'id':'c1','caseId':'k1','person':'p','kind':'EXCLUSION_ZONE',"
                + "'details':'Not to enter the area bounded by ...','startsOn':'2026-12-01','endsOn':null}");
        Permit forMentor = permit(List.of("$.details"), List.of("$.person", "$.kind", "$.startsOn", "$.endsOn"));

        assertEquals(json("{'person':'p','kind':'EXCLUSION_ZONE','startsOn':'2026-12-01','endsOn':null}"),
                redactor.release(forMentor, condition));
    }

    @Test
    void redactsATopLevelField() throws Exception {
        assertEquals(json("{'kind':'CURFEW'}"), redactor.release(permit(List.of("$.details"), ReleasedFields.WHOLE),
                json("{'kind':'CURFEW','details':'19:00-07:00'}")));
    }

    @Test
    void redactsTheFieldInEveryElementOfAnArray() throws Exception {
        assertEquals(json("{'a':[{'c':1},{'c':2},{}]}"), redactor.release(permit(List.of("$.a[*].b"), ReleasedFields.WHOLE),
                json("{'a':[{'b':1,'c':1},{'b':2,'c':2},{'b':3}]}")));
    }

    @Test
    void redactsTheFieldAtAnyDepth() throws Exception {
        assertEquals(json("{'x':{'y':{}},'z':[{}]}"), redactor.release(permit(List.of("$..b"), ReleasedFields.WHOLE),
                json("{'b':0,'x':{'b':1,'y':{'b':2}},'z':[{'b':3}]}")));
    }

    @Test
    void aMissingFieldIsNothingToRemove() throws Exception {
        JsonNode record = json("{'a':{'c':1},'n':5,'list':[1,2]}");

        assertEquals(record, redactor.release(permit(List.of("$.missing", "$.a.b", "$.a.b.c", "$.n.b", "$.a[3]",
                "$.list[7]"), ReleasedFields.WHOLE), record));
    }

    @Test
    void anIndefinitePathThatMatchesNothingIsNothingToRemove() throws Exception {
        JsonNode record = json("{'a':{'c':1},'list':[1,{'c':2}]}");

        assertEquals(record, redactor.release(permit(List.of("$..nothing", "$.list[*].b", "$.a.*.b",
                "$.list[?(@.c > 5)]"), ReleasedFields.WHOLE), record));
    }

    @Test
    void aRedactionOfAFieldTheWhitelistAlreadyDroppedIsNothingToRemove() throws Exception {
        assertEquals(json("{'kind':'CURFEW'}"), redactor.release(permit(List.of("$.details"), List.of("$.kind")),
                json("{'kind':'CURFEW','details':'19:00-07:00'}")));
    }

    @Test
    void aRedactionThatFailsOnTheRecordWithholdsItWithoutQuotingIt() throws Exception {
        // sum() over a text compiles, and fails only on a record whose value is not numbers.
        JsonNode record = json("{'a':[{'secret':'Flat 3, 12 Hidden Road'}]}");

        ObligationFailure failure = failure(permit(List.of("$.a[?(@.secret.sum() > 1)]"), ReleasedFields.WHOLE),
                record);

        assertEquals("redaction $.a[?(@.secret.sum() > 1)] could not be applied: JsonPathException",
                failure.getMessage());
        assertEquals(null, failure.getCause());
    }

    @Test
    void aRedactionThatWouldRemoveTheRecordItselfWithholdsIt() throws Exception {
        assertEquals("redaction $[?(@.a)] could not be applied: InvalidModificationException",
                failure(permit(List.of("$[?(@.a)]"), ReleasedFields.WHOLE), json("{'a':1}")).getMessage());
    }

    @Test
    void aRedactionEndingInAFunctionOrCallingAnUnknownOneWithholdsTheRecord() throws Exception {
        JsonNode record = json("{'a':[{'secret':'x'}]}");

        assertEquals("redaction $.a.length() is not a redaction: ends in a function, which names no value to remove",
                failure(permit(List.of("$.a.length()"), ReleasedFields.WHOLE), record).getMessage());
        assertEquals("redaction $.a[?(@.secret.nosuch() > 1)] is not a redaction: unknown function nosuch()",
                failure(permit(List.of("$.a[?(@.secret.nosuch() > 1)]"), ReleasedFields.WHOLE), record).getMessage());
    }

    @Test
    void aFilterCallingAKnownFunctionIsARedaction() throws Exception {
        assertEquals(json("{'a':[{'n':[1]}]}"), redactor.release(permit(List.of("$.a[?(@.n.length() > 1)]"),
                ReleasedFields.WHOLE), json("{'a':[{'n':[1]},{'n':[1,2,3]}]}")));
    }

    @Test
    void aRedactionThatIsNotJsonPathWithholdsTheRecord() throws Exception {
        assertEquals("redaction $.a[* is not a redaction: Expected wildcard token to end with ']' on position 5",
                failure(permit(List.of("$.a[*"), ReleasedFields.WHOLE), json("{'a':1}")).getMessage());
        assertEquals("redaction $ is not a redaction: must start with $. or $[",
                failure(permit(List.of("$"), ReleasedFields.WHOLE), json("{'a':1}")).getMessage());
    }

    @Test
    void aWhitelistedFieldThatIsNotADottedPathWithholdsTheRecord() throws Exception {
        assertEquals("whitelisted field $.a[0] is not a dotted path below the root",
                failure(permit(List.of(), List.of("$.a[0]")), json("{'a':[1]}")).getMessage());
    }

    @Test
    void aRecordThatIsNotAnObjectIsWithheldWhenThePermitRedacts() throws Exception {
        Permit redacting = permit(List.of("$..b"), ReleasedFields.WHOLE);

        assertEquals("the record is array," + NOT_AN_OBJECT, failure(redacting, json("[1,{'b':2}]")).getMessage());
        assertEquals("the record is string," + NOT_AN_OBJECT, failure(redacting, json("'text'")).getMessage());
        assertEquals("the record is null," + NOT_AN_OBJECT, failure(redacting, NullNode.getInstance()).getMessage());
        assertEquals("the record is absent," + NOT_AN_OBJECT, failure(redacting, null).getMessage());
    }

    @Test
    void aRecordThatIsNotAnObjectIsWithheldWhenThePermitProjects() throws Exception {
        Permit projecting = permit(List.of(), List.of("$.b"));

        assertEquals("the record is array," + NOT_AN_OBJECT, failure(projecting, json("[{'b':2}]")).getMessage());
        assertEquals("the record is number," + NOT_AN_OBJECT, failure(projecting, json("7")).getMessage());
        assertEquals("the record is absent," + NOT_AN_OBJECT, failure(projecting, null).getMessage());
        assertEquals("the record is absent," + NOT_AN_OBJECT, failure(permit(List.of(), List.of()), null).getMessage());
        assertEquals("the record is array," + NOT_AN_OBJECT,
                assertThrows(ObligationFailure.class, () -> redactor.project(json("[1,2]"), List.of("$.a"))).getMessage());
    }

    @Test
    void aWholeRecordPermitWithoutRedactionsReleasesAnyRecordAsItIs() throws Exception {
        Permit everything = permit(List.of(), ReleasedFields.WHOLE);

        assertEquals(json("[1,{'b':2}]"), redactor.release(everything, json("[1,{'b':2}]")));
        assertEquals(json("'text'"), redactor.release(everything, json("'text'")));
        assertEquals(NullNode.getInstance(), redactor.release(everything, null));
    }

    @Test
    void theRecordHeldForTheOriginIsNeverChanged() throws Exception {
        JsonNode record = json("{'details':'x','kind':'CURFEW'}");

        redactor.release(permit(List.of("$.details"), ReleasedFields.WHOLE), record);

        assertEquals(json("{'details':'x','kind':'CURFEW'}"), record);
    }

    @Test
    void aWholeRecordReleaseIsACopy() throws Exception {
        JsonNode record = json("{'a':{'b':1}}");

        JsonNode released = redactor.release(permit(List.of(), ReleasedFields.WHOLE), record);
        ((ObjectNode) released.get("a")).put("b", 2);

        assertEquals(json("{'a':{'b':1}}"), record);
    }

    @Test
    void projectionKeepsOnlyWhitelistedPathsIncludingNestedOnes() throws Exception {
        JsonNode record = json("{'a':{'b':1,'c':2},'d':3,'e':{'f':4}}");

        assertEquals(json("{'a':{'b':1},'d':3}"), redactor.project(record, List.of("$.a.b", "$.d", "$.e.g", "$.x")));
    }

    @Test
    void emptyWhitelistReleasesNothing() throws Exception {
        assertEquals(json("{}"), redactor.release(permit(List.of(), List.of()), json("{'a':1}")));
    }
}
