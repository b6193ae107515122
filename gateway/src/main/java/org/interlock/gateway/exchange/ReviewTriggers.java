package org.interlock.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.contracts.Agency;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.policy.TriggerRuleStore;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Principal;
import org.interlock.policy.StaffDirectory;
import org.interlock.policy.loading.PolicyStore;
import org.interlock.triggers.evaluation.Firing;
import org.interlock.triggers.evaluation.ObservedEvent;
import org.interlock.triggers.evaluation.TriggerEvaluator;
import org.interlock.triggers.language.TriggerRule;
import org.interlock.triggers.language.TriggerRules;

/**
 * The review triggers on the exchange's stream (ADR 0015): each event the exchange reads is offered
 * to the rules, and a firing becomes a notice to the inbox of each agency whose staff lead the
 * person, in the batch's transaction, after its audit record. A notice names the rule and the
 * events that fired it, never their content, and goes to an agency only if the policy lets its
 * inbox receive every one of those events: a rule cannot tell probation of an intelligence report
 * probation may not receive. Evaluator state lives in this exchange thread and starts empty each
 * time the exchange (re)starts from its committed offsets.
 */
@ApplicationScoped
public class ReviewTriggers {

    static final String FIRED = "org.interlock.gateway.review-trigger.fired.v1";
    static final String CATEGORY = "review.trigger";

    /** Notices to send and the evidence to record first, as {@link Erasure.Outcome}. */
    public record Outcome(List<ProducerRecord<String, byte[]>> notices, List<AuditRecord> evidence) {
        static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    private final TriggerRuleStore store;
    private TriggerRules rules;
    private final PolicyEngine policy;
    private final PolicyStore policies;
    private final AllocationCaseload caseload;
    private final StaffDirectory staff;
    private final ObjectMapper json;
    private TriggerEvaluator evaluator;

    public ReviewTriggers(TriggerRuleStore store, PolicyEngine policy, PolicyStore policies, AllocationCaseload caseload,
            StaffDirectory staff, ObjectMapper json) {
        this.store = store;
        this.policy = policy;
        this.policies = policies;
        this.caseload = caseload;
        this.staff = staff;
        this.json = json;
        restart();
    }

    /** Forgets every window: the exchange starts again from its committed offsets. */
    public void restart() {
        rules = store.current();
        evaluator = new TriggerEvaluator(rules);
    }

    public Outcome on(AgencyEvent event) {
        if (store.current() != rules) {
            // Reloaded rules start with no windows: what the old rules half-matched is not theirs.
            restart();
        }
        // The policy's description of the event rides with it in the evaluator, for as long as it keeps the event.
        List<Firing> firings = evaluator.accept(new ObservedEvent(event.id(), event.category().name(), event.person(),
                event.time().toInstant(), event.data(), event.resource()));
        if (firings.isEmpty()) {
            return Outcome.NONE;
        }
        List<ProducerRecord<String, byte[]>> notices = new ArrayList<>();
        List<AuditRecord> evidence = new ArrayList<>();
        for (Firing firing : firings) {
            tell(firing, notices, evidence);
        }
        return new Outcome(notices, evidence);
    }

    /** A notice to each lead's agency the policy lets hear of every event that fired the rule. */
    private void tell(Firing firing, List<ProducerRecord<String, byte[]>> notices, List<AuditRecord> evidence) {
        Map<Agency, TreeSet<String>> leads = leadsByAgency(firing.person());
        if (leads.isEmpty()) {
            evidence.add(record(firing, null, null, Decision.deny("no-statutory-lead"), null));
            return;
        }
        leads.forEach((agency, addressees) -> {
            Inbox inbox = Inbox.agency(agency);
            String notice = noticeId(firing, agency);
            String purpose = permittedPurpose(agency, firing);
            if (purpose == null) {
                evidence.add(record(firing, inbox, notice, Decision.deny("withheld:" + firing.rule()), null));
                return;
            }
            evidence.add(record(firing, inbox, notice, Decision.permit(firing.rule()), purpose));
            notices.add(notice(notice, inbox, firing, addressees));
        });
    }

    private Map<Agency, TreeSet<String>> leadsByAgency(String person) {
        Map<Agency, TreeSet<String>> leads = new TreeMap<>();
        for (String lead : caseload.statutoryLeads(person)) {
            staff.member(lead).flatMap(member -> Agency.ofId(member.agency())).filter(Agency::statutory)
                    .ifPresent(agency -> leads.computeIfAbsent(agency, a -> new TreeSet<>()).add(lead));
        }
        return leads;
    }

    /** The purpose under which the agency's inbox may hear of every event that fired the rule, or null. */
    private String permittedPurpose(Agency agency, Firing firing) {
        return TriggerAudience.permittedPurpose(policy, policies.current() == null ? List.of()
                : policies.current().purposes(), Principal.inbox(agency.id(), null), firing, Instant.now());
    }

    private String description(String rule) {
        return rules.rules().stream().filter(r -> r.id().equals(rule)).map(TriggerRule::description).findFirst()
                .orElseThrow();
    }

    private static String noticeId(Firing firing, Agency agency) {
        return UUID.nameUUIDFromBytes(("interlock-review-trigger:" + firing.rule() + ":" + firing.person() + ":"
                + String.join(",", firing.events()) + ":" + agency.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private ProducerRecord<String, byte[]> notice(String id, Inbox inbox, Firing firing, TreeSet<String> addressees) {
        ObjectNode data = json.createObjectNode()
                .put("notice", id)
                .put("rule", firing.rule())
                .put("description", description(firing.rule()))
                .put("person", firing.person())
                .put("firedAt", firing.time().toString());
        firing.events().forEach(data.putArray("events")::add);
        addressees.forEach(data.putArray("addressees")::add);
        CloudEventBuilder extensions = CloudEventBuilder.v1()
                .withExtension(CloudEventExtensions.CATEGORY, CATEGORY)
                .withExtension(CloudEventExtensions.CLASSIFICATION, "official-sensitive");
        return InboxCopy.notice(inbox, id, FIRED, firing.person(), data.toString().getBytes(StandardCharsets.UTF_8),
                extensions);
    }

    private static AuditRecord record(Firing firing, Inbox inbox, String notice, Decision decision, String purpose) {
        Actor actor = inbox == null ? new Actor(null, null, null, Inbox.CLIENT, null) : inbox.actor();
        return AuditRecord.builder(Instant.now(), actor, Action.REVIEW_TRIGGER, decision)
                .resource(new org.interlock.audit.record.Resource("review-trigger", notice, firing.person(), CATEGORY,
                        "official-sensitive"))
                .purpose(purpose)
                .requestId(notice)
                .build();
    }
}
