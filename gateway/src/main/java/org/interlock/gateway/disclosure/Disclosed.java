package org.interlock.gateway.disclosure;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.audit.record.AuditRecord;
import org.interlock.policy.Permit;

/**
 * What may be released and the evidence to make durable before it is.
 *
 * @param released the content to release, or null when nothing may be (withheld)
 * @param permits  the permits it was released under, one per facet permitted
 * @param evidence one audit record per decision the audience's recording keeps
 */
public record Disclosed(JsonNode released, List<Permit> permits, List<AuditRecord> evidence) {

    public Disclosed {
        permits = List.copyOf(permits);
        evidence = List.copyOf(evidence);
    }

    public boolean withheld() {
        return released == null;
    }
}
