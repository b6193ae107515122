package org.interlock.contracts.catalogue;

import java.util.List;

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
 */
public record Category(String name, Classification classification, List<String> fields, String personField,
        String organisationField, Handling handling) {

    public Category {
        fields = List.copyOf(fields);
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
