package org.interlock.stack.demo;

import static org.interlock.stack.demo.DemoScenario.await;
import static org.interlock.stack.demo.DemoScenario.say;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo's case conference (ADR 0019): tara.probationlead convenes one for the person with the
 * prison, intelligence and Horizon Mentoring; ian.intel, invited, reads the prison's custody record
 * for public protection while the pack is open; an action for Horizon Mentoring reaches its inbox
 * (as the auditor sees the routing).
 */
final class ConferenceChapter {

    private final String gateway;
    private final String keycloak;

    ConferenceChapter(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    void run(DemoScenario.Outcome outcome) {
        DemoClient tara = DemoClient.as(gateway, keycloak, "tara.probationlead", "public-protection");
        DemoClient ian = DemoClient.as(gateway, keycloak, "ian.intel", "public-protection");
        DemoClient auditor = DemoClient.as(gateway, keycloak, "aud.auditor", "oversight");
        String person = outcome.person();
        String episode = "/api/v1/prisons/custody-episodes/" + outcome.custodyEpisode();
        say("before the conference, ian.intel reads the custody record: HTTP " + ian.get(episode).status());
        JsonNode conference = DemoClient.expect(201, tara.post("/api/v1/probation/conferences", Map.of(
                "person", person,
                "meetsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString(),
                "chair", "tara.probationlead",
                "invitees", List.of("olivia.prison", "ian.intel", "mia.mentor"),
                "organisations", List.of("prisons", "intelligence", "org:horizon-mentoring"),
                "purpose", "MAPPA level 2: risk before release")), "conference").body();
        String id = conference.path("id").asText();
        say("tara.probationlead convened conference " + id + " for two days' time");
        await(() -> ian.get(episode).status() == 200 ? Boolean.TRUE : null, "the pack to open to ian.intel");
        say("invited, ian.intel reads the custody record for public protection: HTTP 200 (the pack is open"
                + " from 7 days before the meeting until a day after)");
        DemoClient.expect(201, tara.post("/api/v1/probation/conferences/" + id + "/actions", Map.of(
                "owner", "org:horizon-mentoring", "assignee", "mia.mentor",
                "description", "Offer a mentoring session in the week after release",
                "dueOn", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString())), "action");
        await(() -> routedToHorizon(auditor, person), "the action to reach Horizon Mentoring");
        say("the action reached horizon-mentoring's inbox, and no other organisation's");
    }

    private static Boolean routedToHorizon(DemoClient auditor, String person) {
        DemoClient.Answer records = auditor.get("/audit/v1/records?person=" + person + "&action=ROUTE_EVENT&outcome=permit");
        if (records.status() != 200) {
            return null;
        }
        for (JsonNode entry : records.body().path("records")) {
            JsonNode record = entry.path("record");
            if (record.path("resource").path("type").asText().endsWith("conference-action.assigned.v1")
                    && "horizon-mentoring".equals(record.path("actor").path("org").asText())) {
                return Boolean.TRUE;
            }
        }
        return null;
    }
}
