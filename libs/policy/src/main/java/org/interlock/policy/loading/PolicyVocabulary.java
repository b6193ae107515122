package org.interlock.policy.loading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.interlock.policy.language.CategoryPattern;

/**
 * The purposes and categories a policy declares, against which every reference in it is checked,
 * so that a misspelt purpose or category is a load error and not a rule that silently never matches.
 */
final class PolicyVocabulary {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");

    private final YamlMapping source;
    private final Set<String> purposes;
    private final Set<String> categories;

    private PolicyVocabulary(YamlMapping source, Set<String> purposes, Set<String> categories) {
        this.source = source;
        this.purposes = purposes;
        this.categories = categories;
    }

    static PolicyVocabulary read(YamlMapping root) throws PolicyException {
        Set<String> purposes = new LinkedHashSet<>();
        for (Scalar purpose : root.texts("purposes")) {
            if (!WORD.matcher(purpose.value()).matches()) {
                throw root.error(purpose.line(), "purpose '" + purpose.value() + "' must be a lower-case word with dashes");
            }
            if (!purposes.add(purpose.value())) {
                throw root.error(purpose.line(), "duplicate purpose '" + purpose.value() + "'");
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        for (Scalar category : root.texts("categories")) {
            if (!CategoryPattern.isCategory(category.value())) {
                throw root.error(category.line(), "category '" + category.value() + "' must be dotted lower-case words");
            }
            if (!categories.add(category.value())) {
                throw root.error(category.line(), "duplicate category '" + category.value() + "'");
            }
        }
        if (purposes.isEmpty() || categories.isEmpty()) {
            throw root.error(root.line(), "the policy must declare its 'purposes' and 'categories'");
        }
        return new PolicyVocabulary(root, purposes, categories);
    }

    Set<String> purposes() {
        return purposes;
    }

    Set<String> categories() {
        return categories;
    }

    Set<String> purposes(List<Scalar> referenced) throws PolicyException {
        Set<String> known = new LinkedHashSet<>();
        for (Scalar purpose : referenced) {
            if (!purposes.contains(purpose.value())) {
                throw source.error(purpose.line(), "unknown purpose '" + purpose.value() + "' (declared: "
                        + String.join(", ", purposes) + ")");
            }
            known.add(purpose.value());
        }
        return known;
    }

    List<CategoryPattern> categoryPatterns(List<Scalar> referenced) throws PolicyException {
        List<CategoryPattern> patterns = new ArrayList<>();
        for (Scalar text : referenced) {
            if (!CategoryPattern.isWellFormed(text.value())) {
                throw source.error(text.line(), "category pattern '" + text.value()
                        + "' is not valid: write a category (custody.release), a family (custody.*) or *");
            }
            CategoryPattern pattern = new CategoryPattern(text.value());
            if (categories.stream().noneMatch(pattern::matches)) {
                throw source.error(text.line(), "category pattern '" + text.value()
                        + "' matches no declared category");
            }
            patterns.add(pattern);
        }
        return patterns;
    }
}
