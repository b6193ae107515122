package org.interlock.audit.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the audit log: when, who, what, why, with which outcome, and how to find the request
 * again. It is evidence about a disclosure, never the disclosure: no content, no tokens, no payload.
 * Its {@link CanonicalEncoding} is the Merkle tree leaf at index {@link #sequence()}.
 *
 * @param sequence         the leaf index the single sequencer assigned, from 0; {@link #UNSEQUENCED} until then
 * @param time             when the decision was taken (kept to the microsecond, as PostgreSQL stores it)
 * @param actor            who acted
 * @param action           what kind of access this was
 * @param resource         what it was about; null for actions without one
 * @param purpose          the declared purpose of use ({@code X-Purpose-Of-Use})
 * @param decision         permit or deny, with the reason code
 * @param redactedFields   the fields withheld from what was released (paths, not values); never null
 * @param agreement        the sharing agreement that allowed it
 * @param consent          the consent record that allowed it
 * @param policyVersion    the version of the policy that decided
 * @param breakGlassReason the stated reason when access was break-glass; flags the record for review
 * @param requestId        the gateway's request id
 * @param traceId          the W3C trace id
 */
public record AuditRecord(
        long sequence,
        Instant time,
        Actor actor,
        Action action,
        Resource resource,
        String purpose,
        Decision decision,
        List<String> redactedFields,
        String agreement,
        String consent,
        String policyVersion,
        String breakGlassReason,
        String requestId,
        String traceId) {

    /** The sequence of a record the sequencer has not numbered yet. */
    public static final long UNSEQUENCED = -1;

    public AuditRecord {
        if (sequence < UNSEQUENCED) {
            throw new IllegalArgumentException("sequence is a leaf index from 0, got " + sequence);
        }
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(decision, "decision");
        redactedFields = redactedFields == null ? List.of() : List.copyOf(redactedFields);
    }

    /** The same record at leaf index {@code sequence}: what the sequencer does. */
    public AuditRecord withSequence(long sequence) {
        return new AuditRecord(sequence, time, actor, action, resource, purpose, decision, redactedFields,
                agreement, consent, policyVersion, breakGlassReason, requestId, traceId);
    }

    /** Whether the sequencer has numbered this record. */
    public boolean sequenced() {
        return sequence != UNSEQUENCED;
    }

    /** A builder for the gateway, where most fields are optional. */
    public static Builder builder(Instant time, Actor actor, Action action, Decision decision) {
        return new Builder(time, actor, action, decision);
    }

    /** Collects the optional fields of a record; {@link #build()} leaves it unsequenced. */
    public static final class Builder {
        private final Instant time;
        private final Actor actor;
        private final Action action;
        private final Decision decision;
        private long sequence = UNSEQUENCED;
        private Resource resource;
        private String purpose;
        private List<String> redactedFields = List.of();
        private String agreement;
        private String consent;
        private String policyVersion;
        private String breakGlassReason;
        private String requestId;
        private String traceId;

        private Builder(Instant time, Actor actor, Action action, Decision decision) {
            this.time = time;
            this.actor = actor;
            this.action = action;
            this.decision = decision;
        }

        public Builder sequence(long value) { sequence = value; return this; }
        public Builder resource(Resource value) { resource = value; return this; }
        public Builder purpose(String value) { purpose = value; return this; }
        public Builder redactedFields(List<String> value) { redactedFields = value; return this; }
        public Builder agreement(String value) { agreement = value; return this; }
        public Builder consent(String value) { consent = value; return this; }
        public Builder policyVersion(String value) { policyVersion = value; return this; }
        public Builder breakGlassReason(String value) { breakGlassReason = value; return this; }
        public Builder requestId(String value) { requestId = value; return this; }
        public Builder traceId(String value) { traceId = value; return this; }

        public AuditRecord build() {
            return new AuditRecord(sequence, time, actor, action, resource, purpose, decision, redactedFields,
                    agreement, consent, policyVersion, breakGlassReason, requestId, traceId);
        }
    }
}
