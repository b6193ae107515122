package org.interlock.contracts.catalogue;

import java.util.Map;

/**
 * One method on one path template of a service, and what policy decides it on.
 *
 * @param record    the kind of record the service answers with (each element of a list)
 * @param category  for a change: the category of the facts it records; null for a read
 * @param decidedOn for a change to an existing record: the read that returns that record, whose
 *                  person and organisation the change is decided on (its parameters are taken by
 *                  name from this path); null when the change creates a record from its body
 * @param query     the query parameters it accepts, nothing else is forwarded
 * @param narrows   the change can only take access away (an allocation ended, a consent withdrawn)
 */
public record Operation(String method, PathTemplate path, Map<String, QueryParam> query, RecordKind record,
        Category category, PathTemplate decidedOn, boolean narrows) {

    public Operation {
        query = Map.copyOf(query);
    }

    public boolean isRead() {
        return "GET".equals(method);
    }

    /** A read about the caller ({@code ?assignee=me}): the service must be told who reads. */
    public boolean asksWhoReads() {
        return query.values().stream().anyMatch(param -> param.type() == ParamType.ME);
    }

    /** A query parameter: its type, and whether the service requires it. */
    public record QueryParam(ParamType type, boolean required) {
    }
}
