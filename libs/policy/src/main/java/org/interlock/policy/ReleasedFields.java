package org.interlock.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field whitelists: lists of dotted paths ({@code $.releaseDate}, {@code $.address.town}) where
 * {@code $} alone is the whole record. A whitelist rather than "empty means everything" so that no
 * mistake in merging can ever widen what is released: an empty list releases nothing.
 */
public final class ReleasedFields {

    /** The whole record. */
    public static final List<String> WHOLE = List.of("$");

    private static final Pattern PATH = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

    private ReleasedFields() {
    }

    /** Whether {@code path} is a path a whitelist may hold: {@code $} or {@code $.a.b}. */
    public static boolean isValid(String path) {
        return path != null && PATH.matcher(path).matches();
    }

    /** The paths released by both whitelists: the most either of them allows together. */
    public static List<String> intersect(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>();
        for (String path : a) {
            if (coveredBy(path, b)) {
                both.add(path);
            }
        }
        for (String path : b) {
            if (coveredBy(path, a) && !both.contains(path)) {
                both.add(path);
            }
        }
        return List.copyOf(both.stream().filter(p -> !coveredStrictly(p, both)).sorted().toList());
    }

    /** Whether the whitelist releases {@code path} (the path itself or an enclosing one). */
    public static boolean coveredBy(String path, List<String> whitelist) {
        for (String allowed : whitelist) {
            if (encloses(allowed, path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code outer} is {@code inner} or one of its ancestors. */
    public static boolean encloses(String outer, String inner) {
        return inner.equals(outer) || inner.startsWith(outer + ".");
    }

    private static boolean coveredStrictly(String path, List<String> paths) {
        return paths.stream().anyMatch(other -> !other.equals(path) && encloses(other, path));
    }
}
