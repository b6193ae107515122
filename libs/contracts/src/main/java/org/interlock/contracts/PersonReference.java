package org.interlock.contracts;

import java.util.UUID;
import java.util.regex.Pattern;

/** The opaque reference by which every agency knows a person: {@code urn:interlock:person:<uuid>}. */
public final class PersonReference {

    public static final String REGEX =
            "urn:interlock:person:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private PersonReference() {
    }

    public static boolean isValid(String reference) {
        return reference != null && PATTERN.matcher(reference).matches();
    }

    public static String random() {
        return "urn:interlock:person:" + UUID.randomUUID();
    }
}
