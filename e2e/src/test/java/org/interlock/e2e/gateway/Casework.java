package org.interlock.e2e.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.interlock.e2e.gateway.DecisionPoint.Subject;

/**
 * A person's case as the practitioners build it through the gateway (ADR 0011): {@code olivia.prison}
 * receives the person into custody; {@code tara.probationlead} allocates {@code peter.probation}, who
 * becomes the statutory lead; peter refers the person to an organisation; its partner manager
 * ({@code hana.horizon} for horizon-mentoring) accepts naming {@code mia.mentor}; mia records the
 * person's consent within the referral. Each step waits, as a practitioner would, until the gateway
 * has read the one before (the decision point says so), and is expected to succeed first time.
 */
public final class Casework {

    public static final String HORIZON = "horizon-mentoring";
    public static final String FAITH_BRIDGE = "faith-bridge";
    public static final List<String> RELEASE_AND_LICENCE = List.of("custody.release", "licence.*");
    public static final List<String> RESETTLEMENT = List.of("resettlement");

    private final DecisionPoint decisionPoint;
    private final GatewayClient olivia;
    private final GatewayClient tom;
    private final GatewayClient tara;
    private final GatewayClient peter;
    private final GatewayClient hana;
    private final GatewayClient mia;

    public Casework(String gateway) {
        this.decisionPoint = new DecisionPoint(gateway);
        this.olivia = GatewayClient.as(gateway, "olivia.prison", "case-management");
        this.tom = GatewayClient.as(gateway, "tom.prisonlead", "case-management");
        this.tara = GatewayClient.as(gateway, "tara.probationlead", "case-management");
        this.peter = GatewayClient.as(gateway, "peter.probation", "resettlement");
        this.hana = GatewayClient.as(gateway, "hana.horizon", "resettlement");
        this.mia = GatewayClient.as(gateway, "mia.mentor", "resettlement");
    }

    public DecisionPoint decisionPoint() {
        return decisionPoint;
    }

    /**
     * The statutory partnership ({@code tara.probationlead}, partnership-manager) registers an
     * organisation (again: 409 is as good), and the gateway has seen it registered.
     */
    public void registerOrganisation(String id, String name, String kind) {
        GatewayClient.Answer registered = tara.post("/api/v1/partners/organisations",
                Map.of("id", id, "name", name, "kind", kind));
        assertTrue(registered.status() == 201 || registered.status() == 409,
                "registering " + id + ": " + registered.status() + " " + registered.body());
        awaitOrganisation(id, false);
    }

    /** Waits until the gateway holds the organisation suspended (true) or active (false). */
    public void awaitOrganisation(String id, boolean suspended) {
        decisionPoint.awaitRead(Subject.caseworkerOf(id), "prisons", "custody.release", null, "resettlement",
                verdict -> "ORGANISATION_SUSPENDED".equals(verdict.reason()) == suspended);
    }

    /** The person received into HMP Frankland, with a release date set: the custody episode's id. */
    public String receiveWithReleaseDate(String person, String prisonNumber) {
        GatewayClient.Answer received = olivia.post("/api/v1/prisons/custody-episodes", Map.of("person", person,
                "prisonNumber", prisonNumber, "establishment", "HMP Frankland", "securityCategory", "B",
                "receivedOn", "2025-01-10"));
        assertEquals(201, received.status(), String.valueOf(received.body()));
        String id = received.body().path("id").asText();
        assertEquals(200, olivia.put("/api/v1/prisons/custody-episodes/" + id + "/release-date",
                Map.of("releaseDate", "2026-12-01")).status());
        return id;
    }

    /** Tara allocates Peter to the person; the gateway counts it (Peter is now the statutory lead). */
    public void allocateStatutoryLead(String person) {
        GatewayClient.Answer allocated = tara.post("/api/v1/probation/allocations", Map.of("person", person,
                "staff", "peter.probation", "role", "PROBATION_PRACTITIONER",
                "startsOn", LocalDate.now().toString()));
        assertEquals(201, allocated.status(), String.valueOf(allocated.body()));
        decisionPoint.awaitRead(Subject.PETER, "prisons", "custody.reception", person, "case-management",
                DecisionPoint.Verdict::permits);
    }

    /**
     * Tom allocates Olivia to the person as offender manager; the gateway counts it (while no
     * probation practitioner is allocated, Olivia is the statutory lead).
     */
    public void allocateOffenderManager(String person) {
        GatewayClient.Answer allocated = tom.post("/api/v1/prisons/allocations", Map.of("person", person,
                "staff", "olivia.prison", "role", "OFFENDER_MANAGER", "startsOn", LocalDate.now().toString()));
        assertEquals(201, allocated.status(), String.valueOf(allocated.body()));
        decisionPoint.awaitRead(Subject.OLIVIA, "probation", "supervision.case", person, "case-management",
                DecisionPoint.Verdict::permits);
    }

    /** Peter refers the person to the organisation: the referral's id. */
    public String refer(String person, String organisation, List<String> categories, List<String> purposes) {
        return referred(peter.post("/api/v1/probation/referrals", referral(person, organisation, categories,
                purposes)));
    }

    /** Olivia, the prison offender manager, refers the person to the organisation: the referral's id. */
    public String referFromPrison(String person, String organisation, List<String> categories,
            List<String> purposes) {
        return referred(olivia.post("/api/v1/prisons/referrals", referral(person, organisation, categories,
                purposes)));
    }

    private static String referred(GatewayClient.Answer referred) {
        assertEquals(201, referred.status(), String.valueOf(referred.body()));
        return referred.body().path("id").asText();
    }

    /** What a referral says, ending in six months. */
    public static Map<String, Object> referral(String person, String organisation, List<String> categories,
            List<String> purposes) {
        return Map.of("person", person, "organisation", organisation, "purposes", purposes,
                "categories", categories, "reason", "Mentoring through release and the first months on licence.",
                "endsOn", LocalDate.now().plusMonths(6).toString());
    }

    /** Waits until the referral has reached horizon-mentoring (its partner manager can read it). */
    public void awaitReferralAtHorizon(String referral) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> hana.get("/api/v1/partners/referrals/" + referral).status() == 200);
    }

    /**
     * Hana accepts, naming Mia, once the referral reached horizon-mentoring; the gateway then counts
     * the referral and Mia's allocation: only the consent is missing for Mia to see the release.
     */
    public void acceptForMia(String referral, String person) {
        awaitReferralAtHorizon(referral);
        GatewayClient.Answer accepted = hana.post("/api/v1/partners/referrals/" + referral + "/accept",
                Map.of("caseworker", "mia.mentor"));
        assertEquals(200, accepted.status(), String.valueOf(accepted.body()));
        decisionPoint.awaitRead(Subject.MIA, "prisons", "custody.release", person, "resettlement",
                verdict -> "NO_CONSENT".equals(verdict.reason()));
    }

    /** What a consent says: obtained in writing by Mia today, valid for six months. */
    public static Map<String, Object> consent(String person, List<String> categories, List<String> purposes) {
        return Map.of("person", person, "organisation", HORIZON, "categories", categories, "purposes", purposes,
                "validFrom", LocalDate.now().toString(), "validUntil", LocalDate.now().plusMonths(6).toString(),
                "obtainedHow", "WRITTEN", "obtainedBy", "mia.mentor", "obtainedOn", LocalDate.now().toString());
    }

    /** Mia records the person's consent within the referral; the gateway counts it: the consent's id. */
    public String consentWithinReferral(String person, List<String> categories) {
        GatewayClient.Answer consent = mia.post("/api/v1/partners/consents", consent(person, categories, RESETTLEMENT));
        assertEquals(201, consent.status(), String.valueOf(consent.body()));
        decisionPoint.awaitRead(Subject.MIA, "prisons", "custody.release", person, "resettlement",
                DecisionPoint.Verdict::permits);
        return consent.body().path("id").asText();
    }

    /** The whole referral: Peter allocated, refers to horizon-mentoring, Hana accepts for Mia, Mia's consent. */
    public String referToMiaWithConsent(String person, List<String> categories) {
        allocateStatutoryLead(person);
        String referral = refer(person, HORIZON, RELEASE_AND_LICENCE, RESETTLEMENT);
        acceptForMia(referral, person);
        return consentWithinReferral(person, categories);
    }
}
