package org.interlock.gateway.disclosure;

import static org.interlock.gateway.disclosure.Expectation.everywhere;
import static org.interlock.gateway.disclosure.Expectation.refusedWhereAsked;
import static org.interlock.gateway.disclosure.Outcome.nothing;
import static org.interlock.gateway.disclosure.Outcome.permit;
import static org.interlock.gateway.disclosure.Outcome.refused;
import static org.interlock.gateway.disclosure.Reader.MENTOR;
import static org.interlock.gateway.disclosure.Reader.PROBATION;
import static org.interlock.gateway.disclosure.Reader.SUSPENDED;
import static org.interlock.gateway.disclosure.Reader.UNREGISTERED;
import static org.interlock.policy.DenyReason.ABOVE_AGREEMENT_CLASSIFICATION;
import static org.interlock.policy.DenyReason.ABOVE_CLEARANCE;
import static org.interlock.policy.DenyReason.AGREEMENT_EXPIRED;
import static org.interlock.policy.DenyReason.EXPLICIT_DENY;
import static org.interlock.policy.DenyReason.HANDLING_RESTRICTED;
import static org.interlock.policy.DenyReason.NOT_IN_CASELOAD;
import static org.interlock.policy.DenyReason.NO_AGREEMENT;
import static org.interlock.policy.DenyReason.NO_CONSENT;
import static org.interlock.policy.DenyReason.NO_REFERRAL;
import static org.interlock.policy.DenyReason.ORGANISATION_SUSPENDED;
import static org.interlock.policy.DenyReason.POLICY_ERROR;
import static org.interlock.policy.DenyReason.PURPOSE_NOT_ALLOWED;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.interlock.contracts.Agency;

/**
 * The table: one set of policy cases that REST, the exchange and a feed must decide alike. Each
 * case is a new person; the agreements named are those of {@code disclosure/one-decision-policy.yaml}.
 */
final class DisclosureCases {

    private DisclosureCases() {
    }

    static List<DisclosureCase> all() {
        List<DisclosureCase> cases = new ArrayList<>();
        cases.addAll(toProbation());
        cases.addAll(consentsOfMentoring());
        cases.addAll(toMentoring());
        cases.addAll(referralsToMentoring());
        cases.addAll(toBarredOrganisations());
        return cases.stream().map(DisclosureCases::referred).toList();
    }

    /**
     * A partner organisation receives a person's data only inside an accepted referral (ADR 0011):
     * every partner reader's case holds one of the person to the reader's organisation for the
     * record's category, unless the case gives referrals of its own; and one to the organisation
     * that witnesses the sentinel, for the sentinel's category, so that the sentinel travels.
     */
    private static DisclosureCase referred(DisclosureCase c) {
        Reader reader = c.reader();
        if (reader.org() == null) {
            return c;
        }
        List<Given> referrals = new ArrayList<>();
        if (c.givens().stream().noneMatch(Given.Referral.class::isInstance)) {
            referrals.add(Given.Referral.accepted(reader.org(), reader.username(), c.record().person(),
                    c.record().category()));
        }
        referrals.add(Given.Referral.accepted(reader.witness(), "case.worker", c.record().person(),
                c.sentinel().category()));
        return c.alsoGiven(referrals);
    }

    /**
     * table-mentoring's agreement for incidents needs no consent and no caseload: the referral
     * alone decides (the default referral of {@link #referred} is replaced by the case's own).
     */
    private static List<DisclosureCase> referralsToMentoring() {
        AgencyRecord uncovered = AgencyRecords.incident();
        AgencyRecord unanswered = AgencyRecords.incident();
        AgencyRecord elsewhere = AgencyRecords.incident();
        return List.of(
                new DisclosureCase("a referral for other categories releases nothing", MENTOR, uncovered,
                        List.of(Given.Referral.accepted("table-mentoring", MENTOR.username(), uncovered.person(),
                                "custody.release")), everywhere(refused(NO_REFERRAL))),
                new DisclosureCase("a referral made but not accepted releases nothing", MENTOR, unanswered,
                        List.of(Given.Referral.accepted("table-mentoring", MENTOR.username(), unanswered.person(),
                                "custody.incident").unanswered()), everywhere(refused(NO_REFERRAL))),
                new DisclosureCase("a referral to another organisation releases nothing to this one", MENTOR,
                        elsewhere, List.of(Given.Referral.accepted("table-other-organisation", "case.worker",
                                elsewhere.person(), "custody.incident")), everywhere(refused(NO_REFERRAL))));
    }

    /** Probation's officer, cleared secret: agreements, obligations, handling codes, classifications. */
    private static List<DisclosureCase> toProbation() {
        String incidents = "table-incidents-to-probation";
        return List.of(
                new DisclosureCase("a permit for the whole incident releases all its facts", PROBATION,
                        AgencyRecords.incident(), everywhere(permit(incidents))),
                new DisclosureCase("a field outside the record's category never leaves", PROBATION,
                        AgencyRecords.incident().with("prisonNumber", "A1234BC"),
                        everywhere(permit(incidents).releasing("id", "person", "kind", "occurredOn", "establishment",
                                "summary"))),
                new DisclosureCase("an event classified above its category is refused where its record is not",
                        PROBATION, AgencyRecords.incident().classifiedAs("secret"),
                        everywhere(refused(ABOVE_AGREEMENT_CLASSIFICATION)).except(Channel.REST, permit(incidents),
                                "REST knows a record kind's classification only from the catalogue (ADR 0010, left)")),
                new DisclosureCase("a projection releases exactly the whitelisted fields", PROBATION,
                        AgencyRecords.riskAssessment(), everywhere(permit("table-risk-to-probation-projected")
                                .releasing("id", "person", "assessedOn", "overall")
                                .withholding("$.assessor", "$.engagement", "$.intent", "$.capability", "$.rationale"))),
                new DisclosureCase("changes leave only with the ratings they repeat, whatever the projection lists",
                        PROBATION, AgencyRecords.reassessment(), everywhere(permit("table-risk-to-probation-projected")
                                .releasing("id", "person", "assessedOn", "overall")
                                .withholding("$.assessor", "$.engagement", "$.intent", "$.capability", "$.rationale",
                                        "$.changes"))),
                new DisclosureCase("a redaction removes its path and the audit record names it", PROBATION,
                        AgencyRecords.allocation(Agency.PRISONS), everywhere(permit("table-allocations-to-probation-redacted")
                                .releasing("id", "person", "role", "startsOn", "endsOn").withholding("$.staff"))),
                new DisclosureCase("a report under handling code P travels", PROBATION, AgencyRecords.report("P"),
                        everywhere(permit("table-reports-to-probation"))),
                new DisclosureCase("the same report under handling code C goes nowhere", PROBATION,
                        AgencyRecords.report("C"), everywhere(refused(HANDLING_RESTRICTED))),
                new DisclosureCase("a threat flag above the agreement's classification is refused", PROBATION,
                        AgencyRecords.threatFlag(), everywhere(refused(ABOVE_AGREEMENT_CLASSIFICATION))),
                new DisclosureCase("an expired agreement permits nothing", PROBATION,
                        AgencyRecords.allocation(Agency.INTELLIGENCE), everywhere(refused(AGREEMENT_EXPIRED))),
                new DisclosureCase("an agreement for another purpose than the reader's", PROBATION,
                        AgencyRecords.activity(), refusedWhereAsked(PURPOSE_NOT_ALLOWED).except(Channel.EXCHANGE,
                                permit("table-activity-to-probation-for-safeguarding"),
                                "an inbox declares no purpose: every purpose is tried, and safeguarding permits")),
                new DisclosureCase("a projection released as a lower classification", PROBATION,
                        AgencyRecords.concern(), everywhere(permit("table-concerns-to-probation-as-official")
                                .releasing("id", "person", "kind", "occurredOn").as("official")
                                .withholding("$.organisation", "$.reportedBy", "$.notes"))),
                new DisclosureCase("a redaction that cannot be applied withholds the record", PROBATION,
                        AgencyRecords.consentRecord(), everywhere(refused(POLICY_ERROR))));
    }

    /** table-mentoring's licence agreement rests on consent: the person's consent decides each case. */
    private static List<DisclosureCase> consentsOfMentoring() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return List.of(
                releasedUnder("a consent releases the licence's projection under it", consent -> consent),
                releasedUnder("a consent to licence.* covers a licence condition",
                        consent -> consent.forCategories("licence.*")),
                new DisclosureCase("without a consent nothing is released", MENTOR, AgencyRecords.licenceCondition(),
                        everywhere(refused(NO_CONSENT))),
                refusedUnder("a withdrawn consent releases nothing more", consent -> consent.inState("WITHDRAWN")),
                refusedUnder("an expired consent releases nothing",
                        consent -> consent.valid(today.minusYears(1), today.minusDays(1)).inState("EXPIRED")),
                refusedUnder("a consent not yet valid releases nothing",
                        consent -> consent.valid(today.plusDays(7), today.plusYears(1))),
                refusedUnder("a consent to other categories than the agreement's releases nothing",
                        consent -> consent.forCategories("custody.release")),
                refusedUnder("a consent for another purpose than the agreement's releases nothing",
                        consent -> consent.forPurposes("safeguarding")),
                refusedUnder("a consent given to another organisation releases nothing to this one",
                        consent -> consent.givenTo("table-other-organisation")));
    }

    /** A licence condition under the consent {@code given} makes of the usual one, released as the agreement says. */
    private static DisclosureCase releasedUnder(String name, UnaryOperator<Given.Consent> given) {
        AgencyRecord licence = AgencyRecords.licenceCondition();
        Given.Consent consent = given.apply(Given.Consent.to(MENTOR, licence));
        return new DisclosureCase(name, MENTOR, licence, List.of(consent), everywhere(
                permit("table-licence-to-mentoring-on-consent").releasing("person", "kind", "startsOn", "endsOn")
                        .as("official").withholding("$.details", "$.id", "$.caseId").underConsent(consent.id())));
    }

    /** A licence condition under the consent {@code given} makes of the usual one, refused for want of consent. */
    private static DisclosureCase refusedUnder(String name, UnaryOperator<Given.Consent> given) {
        AgencyRecord licence = AgencyRecords.licenceCondition();
        return new DisclosureCase(name, MENTOR, licence, List.of(given.apply(Given.Consent.to(MENTOR, licence))),
                everywhere(refused(NO_CONSENT)));
    }

    /** table-mentoring's staff, cleared official: releaseAs, clearance, validity, caseload, roles, actions, deny. */
    private static List<DisclosureCase> toMentoring() {
        AgencyRecord onCaseload = AgencyRecords.appointment();
        String appointments = "table-appointments-to-mentoring-caseload";
        return List.of(
                new DisclosureCase("a projection released as official reaches staff cleared official", MENTOR,
                        AgencyRecords.incident(), everywhere(permit("table-incidents-to-mentoring")
                                .releasing("person", "kind", "occurredOn").as("official")
                                .withholding("$.id", "$.establishment", "$.summary"))),
                new DisclosureCase("a record above the reader's clearance is refused", MENTOR,
                        AgencyRecords.riskAssessment(), everywhere(refused(ABOVE_CLEARANCE)).except(Channel.EXCHANGE,
                                permit("table-risk-to-mentoring-whole"),
                                "an inbox has no clearance: the agreement's maximum is its ceiling")),
                new DisclosureCase("an agreement not yet in force permits nothing", MENTOR,
                        AgencyRecords.allocation(Agency.PRISONS), everywhere(refused(AGREEMENT_EXPIRED))),
                new DisclosureCase("a record on the reader's caseload is released", MENTOR, onCaseload,
                        List.of(Given.Allocation.of(MENTOR, onCaseload)), everywhere(permit(appointments))),
                new DisclosureCase("a record off the reader's caseload is refused", MENTOR, AgencyRecords.appointment(),
                        everywhere(refused(NOT_IN_CASELOAD)).except(Channel.EXCHANGE, permit(appointments),
                                "a caseload is a person's: an inbox has none")),
                new DisclosureCase("an agreement for another role gives the reader nothing", MENTOR,
                        AgencyRecords.supervisionCase(), refusedWhereAsked(NO_AGREEMENT)),
                new DisclosureCase("an agreement that grants receive gives the inbox only", MENTOR,
                        AgencyRecords.allocation(Agency.PROBATION), refusedWhereAsked(NO_AGREEMENT).except(
                                Channel.EXCHANGE, permit("table-allocations-to-mentoring-inbox"),
                                "the agreement grants receive, not read or subscribe")),
                new DisclosureCase("a deny rule overrides the agreement that would permit", MENTOR,
                        AgencyRecords.report("P"), everywhere(refused(EXPLICIT_DENY))),
                new DisclosureCase("a category no agreement gives the reader", MENTOR, AgencyRecords.threatFlag(),
                        refusedWhereAsked(NO_AGREEMENT)));
    }

    /** The same agreement as table-mentoring's for incidents, to organisations that receive nothing. */
    private static List<DisclosureCase> toBarredOrganisations() {
        return List.of(
                new DisclosureCase("a suspended organisation receives nothing its agreement would give", SUSPENDED,
                        AgencyRecords.incident(), everywhere(refused(ORGANISATION_SUSPENDED))),
                new DisclosureCase("an organisation never registered receives nothing", UNREGISTERED,
                        AgencyRecords.incident(), everywhere(refused(ORGANISATION_SUSPENDED)).except(Channel.EXCHANGE,
                                nothing(), "the exchange routes only to registered organisations: no inbox, no decision")));
    }
}
