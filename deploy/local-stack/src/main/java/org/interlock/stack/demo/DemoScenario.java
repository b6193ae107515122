package org.interlock.stack.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The README's walk-through, played through the gateway by the demo personas: a person received
 * into prison and assessed; intelligence files a report under handling code C; the person consents
 * to share release plans with Horizon Mentoring; the release date is set, so probation opens a
 * supervision case and imposes licence conditions; then the person withdraws consent.
 *
 * <p>What each agency and organisation receives is the exchange's doing, not this class's: it only
 * does what the practitioners would do, and waits where they would wait for another agency.
 */
public final class DemoScenario {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** What the scenario created, for whoever checks what the exchange made of it. */
    public record Outcome(String person, String custodyEpisode, String riskAssessment, String report, String consent,
            String supervisionCase, String licenceCondition) {
    }

    private final String gateway;
    private final String keycloak;

    public DemoScenario(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    /** Everything up to and including the licence conditions. */
    public Outcome run() {
        DemoClient olivia = DemoClient.as(gateway, keycloak, "olivia.prison", "case-management");
        DemoClient ian = DemoClient.as(gateway, keycloak, "ian.intel", "public-protection");
        DemoClient mia = DemoClient.as(gateway, keycloak, "mia.mentor", "resettlement");
        DemoClient fred = DemoClient.as(gateway, keycloak, "fred.faith", "resettlement");
        DemoClient peter = DemoClient.as(gateway, keycloak, "peter.probation", "case-management");
        String person = "urn:interlock:person:" + UUID.randomUUID();
        String today = LocalDate.now().toString();

        register(mia, "horizon-mentoring", "Horizon Mentoring", "MENTORING");
        register(fred, "faith-bridge", "Faith Bridge", "FAITH");
        say("person " + person);
        String episode = DemoClient.expect(201, olivia.post("/api/v1/prisons/custody-episodes", Map.of(
                "person", person, "prisonNumber", "A7391QZ", "establishment", "HMP Frankland",
                "securityCategory", "A", "receivedOn", today)), "reception").id();
        say("received into HMP Frankland: custody episode " + episode);
        String assessment = DemoClient.expect(201, olivia.post("/api/v1/prisons/risk-assessments", Map.of(
                "person", person, "assessedOn", today, "assessor", "olivia.prison", "engagement", "HIGH",
                "intent", "MODERATE", "capability", "MODERATE", "overall", "HIGH",
                "rationale", "Structured extremism risk assessment at reception.")), "risk assessment").id();
        say("risk assessment " + assessment);
        String report = DemoClient.expect(201, ian.post("/api/v1/intelligence/reports", Map.of(
                "person", person, "sourceEvaluation", 2, "intelligenceAssessment", "B", "handlingCode", "C",
                "handlingConditions", "Not to be disseminated outside counter-terrorism policing.",
                "content", "Contact with a proscribed group reported.", "reportedOn", today)), "intelligence").id();
        say("intelligence report " + report + " (handling code C)");
        String consent = DemoClient.expect(201, mia.post("/api/v1/partners/consents", Map.of(
                "person", person, "organisation", "horizon-mentoring",
                "categories", List.of("custody.release", "licence.*"), "purposes", List.of("resettlement"),
                "validFrom", today, "validUntil", LocalDate.now().plusYears(1).toString(), "obtainedHow", "WRITTEN",
                "obtainedBy", "mia.mentor", "obtainedOn", today)), "consent").id();
        say("consent " + consent + " to share release plans with horizon-mentoring");
        // The mentor takes the person on, and waits until the consent counts at the gateway: she
        // sees the custody episode (as its release projection) once it does.
        DemoClient.expect(201, mia.post("/api/v1/partners/allocations", Map.of("person", person, "staff", "mia.mentor",
                "role", "PARTNER_CASEWORKER", "startsOn", today)), "allocation");
        await(() -> mia.get("/api/v1/prisons/custody-episodes/" + episode).status() == 200 ? "seen" : null,
                "the consent to reach the gateway");
        say("mia.mentor allocated; the consent is in force at the gateway");
        DemoClient.expect(200, olivia.put("/api/v1/prisons/custody-episodes/" + episode + "/release-date",
                Map.of("releaseDate", LocalDate.now().plusDays(30).toString())), "release date");
        say("release date set");
        String supervisionCase = await(() -> {
            DemoClient.Answer cases = peter.get("/api/v1/probation/supervision-cases?person=" + person);
            return cases.status() == 200 && cases.body().size() > 0 ? cases.body().get(0).path("id").asText() : null;
        }, "probation to open a supervision case");
        say("probation opened supervision case " + supervisionCase);
        String condition = DemoClient.expect(201, peter.post("/api/v1/probation/supervision-cases/" + supervisionCase
                + "/licence-conditions", Map.of("kind", "EXCLUSION_ZONE",
                "details", "Must not enter the exclusion zone around the victim's home (map ref. EZ-14).",
                "startsOn", LocalDate.now().plusDays(30).toString())), "licence condition").id();
        say("licence condition " + condition + " (exclusion zone)");
        return new Outcome(person, episode, assessment, report, consent, supervisionCase, condition);
    }

    /** The person withdraws consent; the exchange sends Horizon Mentoring an erasure notice. */
    public void withdrawConsent(Outcome outcome) {
        DemoClient mia = DemoClient.as(gateway, keycloak, "mia.mentor", "resettlement");
        DemoClient.expect(200, mia.post("/api/v1/partners/consents/" + outcome.consent() + "/withdraw",
                Map.of("withdrawnOn", LocalDate.now().toString())), "withdrawal");
        say("consent " + outcome.consent() + " withdrawn");
    }

    private static void register(DemoClient staff, String id, String name, String kind) {
        int status = staff.post("/api/v1/partners/organisations", Map.of("id", id, "name", name, "kind", kind)).status();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("registering " + id + ": HTTP " + status);
        }
    }

    private static String await(Supplier<String> probe, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("Gave up waiting for " + what);
    }

    private static void say(String line) {
        System.out.println("[demo] " + line);
    }

    /** {@code deploy/stack demo}: plays the scenario against a running stack. */
    public static void main(String[] args) {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String keycloak = args.length > 1 ? args[1] : "http://127.0.0.1:8180";
        DemoScenario scenario = new DemoScenario(gateway, keycloak);
        Outcome outcome = scenario.run();
        scenario.withdrawConsent(outcome);
        say("done: see what each inbox received with the auditor's GET /audit/v1/persons/" + outcome.person()
                + "/disclosures");
    }
}
