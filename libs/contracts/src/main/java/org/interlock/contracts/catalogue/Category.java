package org.interlock.contracts.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.interlock.contracts.Classification;

/**
 * A sharing category as an agency holds it: the facts that belong to it (top-level fields of its
 * records and events, nothing else), their classification, and where a record names its person,
 * its owning organisation and its handling code. Policy decides per category; what is released
 * under a category is never more than these fields.
 *
 * @param personField       the field naming the person, or null when the facts are about no person
 * @param organisationField the field naming the partner organisation that owns the record, or null
 * @param handling          where the dissemination handling code comes from; {@link Handling#NONE} for none
 * @param addresseeField    the field naming the partner organisation a record is addressed to (a
 *                          referral), or null
 * @param terms             what a change of this category names that can widen someone's access
 *                          (staff, organisation, categories, purposes, until, referral, staffNamed),
 *                          by the field that holds it
 * @param classificationField the field holding a record's own classification where it varies per
 *                          record (a copy received by a partner keeps what it was released as);
 *                          never below the category's; null when the category's is every record's
 * @param derived           fields that repeat others (an assessment's changes repeat its ratings),
 *                          each with the fields it repeats: withholding any of those withholds it too
 */
public record Category(String name, Classification classification, List<String> fields, String personField,
        String organisationField, Handling handling, String addresseeField, Map<String, String> terms,
        String classificationField, Map<String, List<String>> derived) {

    /** The term names a catalogue may map. */
    public static final Set<String> TERMS = Set.of("staff", "organisation", "categories", "purposes", "until",
            "referral", "staffNamed");

    public Category {
        fields = List.copyOf(fields);
        terms = terms == null ? Map.of() : Map.copyOf(terms);
        derived = derived == null ? Map.of() : Map.copyOf(derived);
    }

    /** A category that addresses nobody and names no terms. */
    public Category(String name, Classification classification, List<String> fields, String personField,
            String organisationField, Handling handling) {
        this(name, classification, fields, personField, organisationField, handling, null, Map.of(), null, Map.of());
    }

    /**
     * A record's classification: its own where the category names a field for it, never below
     * the category's; a value that is not a classification is taken as the highest (fail closed).
     */
    public Classification classificationOf(com.fasterxml.jackson.databind.JsonNode record) {
        if (classificationField == null || record == null) {
            return classification;
        }
        com.fasterxml.jackson.databind.JsonNode value = record.get(classificationField);
        try {
            Classification own = Classification.fromLabel(value == null ? "" : value.asText());
            return own.atMost(classification) ? classification : own;
        } catch (IllegalArgumentException e) {
            return Classification.SECRET;
        }
    }

    /** A handling code that is fixed for the category, read from a field of the record, or absent. */
    public record Handling(String code, String field) {

        public static final Handling NONE = new Handling(null, null);

        public static Handling fixed(String code) {
            return new Handling(code, null);
        }

        public static Handling fromField(String field) {
            return new Handling(null, field);
        }
    }
}
