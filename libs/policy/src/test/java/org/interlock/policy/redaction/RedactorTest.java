package org.interlock.policy.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import org.junit.jupiter.api.Test;

import org.interlock.contracts.Classification;
import org.interlock.policy.Permit;
import org.interlock.policy.ReleasedFields;

class RedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Redactor redactor = new Redactor();

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static Permit permit(List<String> redactions, List<String> fields) {
        return new Permit("a", null, redactions, fields, Classification.OFFICIAL, false, "v", List.of());
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
    void pathThatMatchesNothingLeavesTheRecordAsItIs() throws Exception {
        JsonNode record = json("{'a':{'c':1},'list':[1,2]}");

        assertEquals(record, redactor.release(permit(List.of("$.missing", "$.a.b.c", "$.list[*].b", "$..nothing",
                "$.a[3]"), ReleasedFields.WHOLE), record));
    }

    @Test
    void recordsThatAreNotObjectsDoNotBreakRedaction() throws Exception {
        Permit permit = permit(List.of("$.details", "$..b"), ReleasedFields.WHOLE);

        assertEquals(json("[1,{}]"), redactor.release(permit, json("[1,{'b':2}]")));
        assertEquals(json("'text'"), redactor.release(permit, json("'text'")));
        assertEquals(NullNode.getInstance(), redactor.release(permit, null));
    }

    @Test
    void theRecordHeldForTheOriginIsNeverChanged() throws Exception {
        JsonNode record = json("{'details':'x','kind':'CURFEW'}");

        redactor.release(permit(List.of("$.details"), ReleasedFields.WHOLE), record);

        assertEquals(json("{'details':'x','kind':'CURFEW'}"), record);
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

    @Test
    void projectionOfANonObjectReleasesNothing() throws Exception {
        assertEquals(json("{}"), redactor.project(json("[1,2]"), List.of("$.a")));
    }
}
