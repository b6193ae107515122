package org.interlock.people.matching;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The keys under which a record is filed, so that a new record is scored only against the records
 * that share a key with it, never against everyone (matching is not O(n²)). Each key survives one
 * kind of error the others do not:
 * <ul>
 * <li>{@code n:} the sounds of both names, in either order: survives any error in the date of birth
 * and a name-order swap;</li>
 * <li>{@code d:} the year with day and month in either order: survives typos in both names and a
 * day/month swap;</li>
 * <li>{@code f:} the family name's sound and the year: survives a misspelt given name together with
 * a wrong day or month.</li>
 * </ul>
 */
public final class BlockingKeys {

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private BlockingKeys() {
    }

    public static Set<String> of(IdentityRecord record) {
        Set<String> keys = new TreeSet<>();
        LocalDate dob = record.dateOfBirth();
        for (PersonName name : record.allNames()) {
            String given = sound(name.given());
            String family = sound(name.family());
            keys.add("n:" + (given.compareTo(family) <= 0 ? given + "|" + family : family + "|" + given));
            if (dob != null) {
                keys.add("f:" + family + "|" + dob.getYear());
                keys.add("f:" + given + "|" + dob.getYear());
            }
        }
        if (dob != null) {
            int low = Math.min(dob.getDayOfMonth(), dob.getMonthValue());
            int high = Math.max(dob.getDayOfMonth(), dob.getMonthValue());
            keys.add("d:" + dob.getYear() + "-" + low + "-" + high);
        }
        return keys;
    }

    private static String sound(String part) {
        String code = METAPHONE.doubleMetaphone(part.replace(" ", ""));
        return code == null || code.isEmpty() ? part : code;
    }
}
