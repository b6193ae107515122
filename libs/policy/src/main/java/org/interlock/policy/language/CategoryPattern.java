package org.interlock.policy.language;

import java.util.regex.Pattern;

/**
 * A category or a family of them: {@code licence.conditions}, {@code licence.*} (every category
 * under {@code licence.}) or {@code *} (every category).
 */
public record CategoryPattern(String text) {

    private static final Pattern SYNTAX = Pattern.compile("\\*|[a-z][a-z-]*(\\.[a-z][a-z-]*)*(\\.\\*)?");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[a-z][a-z-]*)*");

    public CategoryPattern {
        if (!isWellFormed(text)) {
            throw new IllegalArgumentException("Not a category pattern: " + text);
        }
    }

    public static boolean isWellFormed(String text) {
        return text != null && SYNTAX.matcher(text).matches();
    }

    public static boolean isCategory(String text) {
        return text != null && CATEGORY.matcher(text).matches();
    }

    /** Allocation-free: this runs for every agreement on every decision. */
    public boolean matches(String category) {
        if (text.equals("*")) {
            return true;
        }
        int length = text.length();
        if (text.endsWith(".*")) {
            return category.length() > length - 1 && category.regionMatches(0, text, 0, length - 1);
        }
        return text.equals(category);
    }

    /** Whether every category {@code other} matches, this matches too (a consent never wider than its referral). */
    public boolean containsPattern(CategoryPattern other) {
        if (text.equals("*")) {
            return true;
        }
        if (other.text().equals("*")) {
            return false;
        }
        if (other.text().endsWith(".*")) {
            return text.endsWith(".*") && other.text().startsWith(text.substring(0, text.length() - 1));
        }
        return matches(other.text());
    }
}
