package org.interlock.stack.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The README's walk-through, played through the gateway by the demo personas: the partnership
 * registers the partner organisations; a person is received into prison and assessed; the team
 * managers allocate the prison offender manager and the probation practitioner; intelligence
 * files a report under handling code C; the probation practitioner — the person's statutory lead —
 * refers the person to Horizon Mentoring, whose partner manager accepts and names the mentor, who
 * records the person's consent within the referral; the release date is set, so probation opens
 * a supervision case and imposes licence conditions; then the person withdraws consent. Then
 * {@link ConferenceChapter} (a case conference and its pack), {@link ReviewTriggerChapter} and, last,
 * {@link PersonIndexChapter}: probation's earlier record of the same man is linked to him.
 *
 * <p>What each agency and organisation receives is the exchange's doing, not this class's: it only
 * does what the practitioners would do, and waits where they would wait for another agency.
 */
public final class DemoScenario {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Staff as their tokens describe them, for the policy administrator's questions. */
    static final Map<String, Object> PETER = Map.of("username", "peter.probation", "agency", "probation",
            "clearance", "official-sensitive", "roles", List.of("probation-officer"));
    private static final Map<String, Object> MIA = Map.of("username", "mia.mentor", "agency", "partners",
            "org", "horizon-mentoring", "clearance", "official", "roles", List.of("partner-caseworker"));

    /** What the scenario created, for whoever checks what the exchange made of it. */
    public record Outcome(String person, String custodyEpisode, String riskAssessment, String report, String referral,
            String consent, String supervisionCase, String licenceCondition) {
    }

    private final String gateway;
    private final String keycloak;

    public DemoScenario(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    /** Everything up to and including the licence conditions. */
    public Outcome run() {
        DemoClient tara = DemoClient.as(gateway, keycloak, "tara.probationlead", "case-management");
        DemoClient tom = DemoClient.as(gateway, keycloak, "tom.prisonlead", "case-management");
        DemoClient olivia = DemoClient.as(gateway, keycloak, "olivia.prison", "case-management");
        DemoClient ian = DemoClient.as(gateway, keycloak, "ian.intel", "public-protection");
        DemoClient peter = DemoClient.as(gateway, keycloak, "peter.probation", "resettlement");
        DemoClient hana = DemoClient.as(gateway, keycloak, "hana.horizon", "resettlement");
        DemoClient mia = DemoClient.as(gateway, keycloak, "mia.mentor", "resettlement");
        DemoClient pat = DemoClient.as(gateway, keycloak, "pat.admin", "oversight");
        String person = "urn:interlock:person:" + UUID.randomUUID();
        String today = LocalDate.now().toString();

        register(tara, "horizon-mentoring", "Horizon Mentoring", "MENTORING");
        register(tara, "faith-bridge", "Faith Bridge", "FAITH");
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
        allocate(tom, "prisons", person, "olivia.prison", "OFFENDER_MANAGER", today);
        allocate(tara, "probation", person, "peter.probation", "PROBATION_PRACTITIONER", today);
        say("tom.prisonlead allocated olivia.prison; tara.probationlead allocated peter.probation (the statutory lead)");
        // Peter refers as the person's statutory lead once the gateway has read his allocation: until
        // then it would refuse the referral (403), as it refuses anyone who is not the lead.
        await(() -> wouldRead(pat, PETER, "custody.reception", person, "case-management").equals("PERMIT")
                ? "permit" : null, "the gateway to count peter.probation's allocation");
        String report = DemoClient.expect(201, ian.post("/api/v1/intelligence/reports", Map.of(
                "person", person, "sourceEvaluation", 2, "intelligenceAssessment", "B", "handlingCode", "C",
                "handlingConditions", "Not to be disseminated outside counter-terrorism policing.",
                "content", "Contact with a proscribed group reported.", "reportedOn", today)), "intelligence").id();
        say("intelligence report " + report + " (handling code C)");
        // Nor does the gateway accept a referral to an organisation it has not seen registered.
        await(() -> wouldRead(pat, MIA, "custody.release", null, "resettlement").endsWith("ORGANISATION_SUSPENDED")
                ? null : "registered", "the gateway to see horizon-mentoring registered");
        String referral = refer(peter, person, today);
        accept(hana, referral);
        // A consent is recorded only within an accepted referral: the mentor records it once the
        // gateway has read the acceptance (and her allocation), when all she lacks is the consent.
        await(() -> wouldRead(pat, MIA, "custody.release", person, "resettlement").equals("DENY NO_CONSENT")
                ? "accepted" : null, "the gateway to read the acceptance");
        String consent = DemoClient.expect(201, mia.post("/api/v1/partners/consents", Map.of(
                "person", person, "organisation", "horizon-mentoring",
                "categories", List.of("custody.release", "licence.*"), "purposes", List.of("resettlement"),
                "validFrom", today, "validUntil", LocalDate.now().plusMonths(6).toString(),
                "obtainedHow", "WRITTEN", "obtainedBy", "mia.mentor", "obtainedOn", today)), "consent").id();
        say("mia.mentor recorded consent " + consent + " within the referral");
        // The practitioners wait until the gateway has read the referral, the allocation and the
        // consent: the policy administrator asks "would mia.mentor see this person's release?".
        await(() -> wouldRead(pat, MIA, "custody.release", person, "resettlement").equals("PERMIT") ? "permit" : null,
                "the consent to count at the gateway");
        say("the gateway would now release the person's release date to mia.mentor, as its projection");
        DemoClient.expect(200, olivia.put("/api/v1/prisons/custody-episodes/" + episode + "/release-date",
                Map.of("releaseDate", LocalDate.now().plusDays(30).toString())), "release date");
        say("release date set");
        DemoClient probation = DemoClient.as(gateway, keycloak, "peter.probation", "case-management");
        String supervisionCase = await(() -> {
            DemoClient.Answer cases = probation.get("/api/v1/probation/supervision-cases?person=" + person);
            return cases.status() == 200 && cases.body().size() > 0 ? cases.body().get(0).path("id").asText() : null;
        }, "probation to open a supervision case");
        say("probation opened supervision case " + supervisionCase);
        String condition = DemoClient.expect(201, probation.post("/api/v1/probation/supervision-cases/"
                + supervisionCase + "/licence-conditions", Map.of("kind", "EXCLUSION_ZONE",
                "details", "Must not enter the exclusion zone around the victim's home (map ref. EZ-14).",
                "startsOn", LocalDate.now().plusDays(30).toString())), "licence condition").id();
        say("licence condition " + condition + " (exclusion zone)");
        return new Outcome(person, episode, assessment, report, referral, consent, supervisionCase, condition);
    }

    /** The statutory lead refers the person to Horizon Mentoring for release plans and licence conditions. */
    private static String refer(DemoClient lead, String person, String today) {
        String referral = DemoClient.expect(201, lead.post("/api/v1/probation/referrals", Map.of(
                "person", person, "organisation", "horizon-mentoring",
                "purposes", List.of("resettlement"), "categories", List.of("custody.release", "licence.*"),
                "reason", "Mentoring through release and the first months on licence.",
                "endsOn", LocalDate.now().plusMonths(6).toString())), "referral").id();
        say("peter.probation referred the person to horizon-mentoring: referral " + referral);
        return referral;
    }

    /** Horizon Mentoring's partner manager accepts, once the referral has reached its inbox, naming mia.mentor. */
    private static void accept(DemoClient manager, String referral) {
        await(() -> manager.get("/api/v1/partners/referrals/" + referral).status() == 200 ? "received" : null,
                "the referral to reach horizon-mentoring");
        await(() -> manager.post("/api/v1/partners/referrals/" + referral + "/accept",
                Map.of("caseworker", "mia.mentor")).status() == 200 ? "accepted" : null, "the acceptance");
        say("hana.horizon accepted the referral and allocated mia.mentor");
    }

    static void allocate(DemoClient manager, String agency, String person, String staff, String role,
            String today) {
        DemoClient.expect(201, manager.post("/api/v1/" + agency + "/allocations", Map.of("person", person,
                "staff", staff, "role", role, "startsOn", today)), agency + " allocation");
    }

    /**
     * What the decision point would decide now if {@code subject} read the person's record of the
     * category (null: anyone's) ({@code PERMIT}, or {@code DENY} and the reason): asked by the policy administrator,
     * who sees no data.
     */
    private static String wouldRead(DemoClient admin, Map<String, Object> subject, String category, String person,
            String purpose) {
        return wouldRead(admin, subject, "prisons", category, person, purpose);
    }

    /** The same about a record of the {@code origin} agency. */
    static String wouldRead(DemoClient admin, Map<String, Object> subject, String origin, String category,
            String person, String purpose) {
        Map<String, Object> resource = new HashMap<>(Map.of("origin", origin, "category", category,
                "classification", "official-sensitive"));
        if (person != null) {
            resource.put("person", person);
        }
        DemoClient.Answer answer = admin.post("/policy/v1/decisions", Map.of("subject", subject, "action", "read",
                "resource", resource, "purpose", purpose));
        if (answer.status() != 200) {
            return "HTTP " + answer.status();
        }
        String decision = answer.body().path("decision").asText().toUpperCase(Locale.ROOT);
        return decision.equals("PERMIT") ? decision : decision + " " + answer.body().path("reason").asText();
    }

    /** The person withdraws consent; the exchange sends Horizon Mentoring an erasure notice. */
    public void withdrawConsent(Outcome outcome) {
        DemoClient mia = DemoClient.as(gateway, keycloak, "mia.mentor", "resettlement");
        DemoClient.expect(200, mia.post("/api/v1/partners/consents/" + outcome.consent() + "/withdraw",
                Map.of("withdrawnOn", LocalDate.now().toString())), "withdrawal");
        say("consent " + outcome.consent() + " withdrawn");
    }

    /** The case conference's chapter: the invitees read the pack; an action reaches its owner. */
    public void convene(Outcome outcome) {
        new ConferenceChapter(gateway, keycloak).run(outcome);
    }

    /**
     * The review trigger's chapter: a concern and a missed appointment fire a trigger to the lead,
     * who records a review assessment answering it and revises the sentence plan.
     */
    public void fireReviewTrigger(Outcome outcome) {
        String notice = new ReviewTriggerChapter(gateway, keycloak).run(outcome);
        new ReviewChapter(gateway, keycloak).run(outcome, notice);
    }

    /** The person index's chapter: probation's earlier record of the person is linked to them. */
    public void linkEarlierRecord(Outcome outcome) {
        new PersonIndexChapter(gateway, keycloak).run(outcome.person());
    }

    private static void register(DemoClient staff, String id, String name, String kind) {
        int status = staff.post("/api/v1/partners/organisations", Map.of("id", id, "name", name, "kind", kind)).status();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("registering " + id + ": HTTP " + status);
        }
    }

    static <T> T await(Supplier<T> probe, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
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

    static void say(String line) {
        System.out.println("[demo] " + line);
    }

    /** {@code deploy/stack demo}: plays the scenario against a running stack. */
    public static void main(String[] args) {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String keycloak = args.length > 1 ? args[1] : "http://127.0.0.1:8180";
        DemoScenario scenario = new DemoScenario(gateway, keycloak);
        Outcome outcome = scenario.run();
        scenario.withdrawConsent(outcome);
        scenario.convene(outcome);
        scenario.fireReviewTrigger(outcome);
        scenario.linkEarlierRecord(outcome);
        say("done: see what each inbox received with the auditor's GET /audit/v1/persons/" + outcome.person()
                + "/disclosures");
    }
}
