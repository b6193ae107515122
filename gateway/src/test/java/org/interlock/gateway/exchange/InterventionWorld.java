package org.interlock.gateway.exchange;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.contracts.catalogue.Category;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.policy.Conference;
import org.interlock.policy.ConsentGrant;
import org.interlock.policy.Organisations;
import org.interlock.policy.Principal;
import org.interlock.policy.Referral;
import org.interlock.policy.Referrals;
import org.interlock.policy.Restrictions;
import org.interlock.policy.StaffDirectory;
import org.interlock.policy.Views;
import org.interlock.policy.language.CategoryPattern;
import org.interlock.triggers.evaluation.ObservedEvent;

/**
 * The world of {@link InterventionParticipantsPolicyPropertiesTest}: interventions and their third
 * parties as the agencies' events and records carry them, the outsiders who must never see those
 * third parties, agreements a later policy might add, and views that grant everything acts can grant.
 */
final class InterventionWorld {

    /** Who may deliver: the arranging agency itself (null) or one of these organisations; never faith-bridge. */
    static final List<Optional<String>> PROVIDERS = List.of(Optional.empty(), Optional.of("horizon-mentoring"),
            Optional.of("family-links"));
    private static final List<String> PURPOSES = List.of("case-management", "risk-management", "public-protection",
            "safeguarding", "resettlement", "oversight");
    private static final List<String> OUTSIDE_ORGANISATIONS = List.of("faith-bridge", "unity-circle");
    private static final List<String> ROLES = List.of("partner-caseworker", "partner-manager", "team-manager",
            "probation-officer", "offender-manager", "intelligence-officer", "auditor", "policy-admin", "service");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Every person on everyone's caseload, referred to every organisation for everything, consenting,
     * and discussed at a case conference that invites the outsiders, its pack open now.
     */
    static final Views GENEROUS = new Views((username, person) -> true,
            (person, organisation, category, purpose, at) -> Optional.of(new ConsentGrant("consent", person,
                    organisation, Instant.EPOCH)),
            new Referrals() {
                @Override
                public List<Referral> inForce(String person, String organisation, Instant at) {
                    return List.of(new Referral("referral", person, organisation, List.of(new CategoryPattern("*")),
                            PURPOSES, LocalDate.of(2999, 1, 1), "lead", true, false));
                }

                @Override
                public Optional<Referral> find(String id) {
                    return Optional.empty();
                }
            },
            Restrictions.NONE,
            new Organisations() {
                @Override
                public boolean isActive(String organisation) {
                    return true;
                }

                @Override
                public boolean isSuspended(String organisation) {
                    return false;
                }
            },
            StaffDirectory.NONE,
            person -> List.of(new Conference("conference", List.of(person), Instant.parse("2026-12-06T12:00:00Z"),
                    "peter.probation", Set.of("someone.faith-bridge", "someone.unity-circle", "an.analyst"), false)));

    private InterventionWorld() {
    }

    record Intervention(String id, String person, Agency origin, String organisation, String type) {

        static Intervention of(Agency origin, Optional<String> provider, String type) {
            return new Intervention(UUID.randomUUID().toString(), "urn:interlock:person:" + UUID.randomUUID(), origin,
                    provider.orElse(null), type);
        }
    }

    record Participant(String relationship, String detail, String name, String contact) {
    }

    static Arbitrary<Participant> participants() {
        Arbitrary<String> relationship = Arbitraries.of("FAMILY_MEMBER", "FRIEND", "COMMUNITY_GATEKEEPER");
        Arbitrary<String> detail = Arbitraries.of("mother", "brother", "wife", "school friend", "imam", "mentor",
                "former teacher");
        Arbitrary<String> name = Arbitraries.strings().alpha().ofMinLength(4).ofMaxLength(12)
                .map(n -> "Name" + n);
        Arbitrary<String> contact = Arbitraries.strings().numeric().ofLength(9).map(n -> "07" + n);
        return Combinators.combine(relationship, detail, name, contact).as(Participant::new);
    }

    /** The outsiders: faith-bridge's staff and inbox, analysts of every agency, other organisations'. */
    static Arbitrary<Principal> outsiders() {
        Arbitrary<Set<String>> roles = Arbitraries.of(ROLES).set().ofMaxSize(3);
        Arbitrary<Classification> clearance = Arbitraries.of(Classification.class);
        Arbitrary<Principal> outsideStaff = Combinators.combine(Arbitraries.of(OUTSIDE_ORGANISATIONS), roles, clearance)
                .as((org, held, cleared) -> Principal.person("someone." + org, "partners", org, held, cleared));
        Arbitrary<Principal> outsideInboxes = Arbitraries.of(OUTSIDE_ORGANISATIONS)
                .map(org -> Principal.inbox("partners", org));
        Arbitrary<Principal> analysts = Combinators.combine(
                        Arbitraries.of("prisons", "probation", "intelligence", "partners", "oversight"),
                        Arbitraries.of("horizon-mentoring", "family-links", "faith-bridge").injectNull(0.6), roles,
                        clearance)
                .as((agency, org, held, cleared) -> {
                    Set<String> withAnalyst = new java.util.HashSet<>(held);
                    withAnalyst.add("analyst");
                    return Principal.person("an.analyst", agency, "partners".equals(agency) ? org : null,
                            withAnalyst, cleared);
                });
        Arbitrary<Principal> otherInboxes = Arbitraries.of("intelligence", "oversight").map(a -> Principal.inbox(a, null));
        return Arbitraries.oneOf(outsideStaff, outsideInboxes, analysts, otherInboxes);
    }

    /** An agreement a later policy might add that would hand out a participant's details, but for the deny rules. */
    static Arbitrary<String> wideningAgreement() {
        Arbitrary<String> from = Arbitraries.of("prisons", "probation");
        Arbitrary<String> to = Arbitraries.of("org:faith-bridge", "org:unity-circle", "partners", "intelligence",
                "oversight");
        Arbitrary<String> roles = Arbitraries.of("", "    roles: [analyst]\n", "    roles: [partner-caseworker]\n");
        Arbitrary<String> categories = Arbitraries.of("\"*\"", "intervention.*", "intervention.participant");
        Arbitrary<String> basis = Arbitraries.of("statutory:Later Act 2027", "consent");
        return Combinators.combine(from, to, roles, categories, basis).as((f, t, r, c, b) -> """
                  - id: {id}
                    description: An agreement a later policy adds.
                    from: %s
                    to: %s
                %s    actions: [read, subscribe, receive]
                    categories: [%s]
                    purposes: [case-management, risk-management, public-protection, safeguarding, resettlement, oversight]
                    maxClassification: secret
                    requiresCaseload: false
                    legalBasis: %s
                """.formatted(f, t, r, c, b));
    }

    /** The participant recorded on the intervention, or their withdrawal, as the arranging agency publishes it. */
    static AgencyEvent event(Catalogue catalogue, Intervention intervention, Participant participant, boolean withdrawn,
            Instant at) {
        String verb = withdrawn ? "participant-consent-withdrawn" : "participant-recorded";
        String type = "org.interlock." + intervention.origin().id() + ".intervention." + verb + ".v1";
        ObjectNode data = participantData(intervention, participant, withdrawn);
        return agencyEvent(catalogue, type, intervention.origin(), intervention.person(), at, data);
    }

    /** A concern the delivering organisation (or another) raises about the person. */
    static AgencyEvent concern(Catalogue partners, Intervention intervention, Instant at) {
        ObjectNode data = JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                .put("person", intervention.person())
                .put("organisation", intervention.organisation() == null ? "horizon-mentoring" : intervention.organisation())
                .put("kind", "CONCERN_RAISED").put("occurredOn", at.atZone(ZoneOffset.UTC).toLocalDate().toString())
                .put("reportedBy", "mia.mentor").put("notes", "Withdrawn at the last session");
        return agencyEvent(partners, "org.interlock.partners.activity.concern-raised.v1", Agency.PARTNERS,
                intervention.person(), at, data);
    }

    /** The participant as the arranging agency's REST API answers it ({@code interventions/{id}/participants}). */
    static JsonNode record(Intervention intervention, Participant participant) {
        return participantData(intervention, participant, false);
    }

    static ObservedEvent observed(AgencyEvent event) {
        return new ObservedEvent(event.id(), event.category().name(), event.person(), event.time().toInstant(),
                event.data(), event.resource());
    }

    private static ObjectNode participantData(Intervention intervention, Participant participant, boolean withdrawn) {
        ObjectNode data = JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                .put("intervention", intervention.id()).put("person", intervention.person())
                .put("organisation", intervention.organisation()).put("relationship", participant.relationship())
                .put("relationshipDetail", participant.detail())
                .put("name", withdrawn ? null : participant.name())
                .put("contact", withdrawn ? null : participant.contact())
                .put("consent", withdrawn ? "WITHDRAWN" : "GIVEN").put("consentGivenOn", "2026-11-30")
                .put("withdrawnOn", withdrawn ? "2026-12-05" : null).put("recordedBy", "peter.probation");
        return data;
    }

    private static AgencyEvent agencyEvent(Catalogue catalogue, String type, Agency origin, String person, Instant at,
            JsonNode data) {
        Category category = catalogue.categoryOfEvent(type).orElseThrow(() -> new IllegalStateException(
                "the " + origin.id() + " catalogue does not declare " + type));
        return new AgencyEvent(UUID.randomUUID().toString(), type, origin.source(), person,
                at.atOffset(ZoneOffset.UTC), category, category.classification(), null, null, null, origin, data);
    }
}
