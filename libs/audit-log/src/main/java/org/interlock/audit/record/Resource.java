package org.interlock.audit.record;

/**
 * What was decided about or disclosed: the resource type and id (e.g. {@code licence-conditions},
 * {@code 42}), the Interlock person reference it is about, its category and classification. Never the
 * content. Every field may be null.
 */
public record Resource(String type, String id, String person, String category, String classification) {
}
