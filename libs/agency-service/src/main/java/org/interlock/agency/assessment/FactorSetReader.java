package org.interlock.agency.assessment;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.Scalar;
import org.interlock.policy.loading.YamlMapping;

/**
 * Reads one factor set file strictly (ADR 0018): unknown keys, a rating off the common scale or out
 * of order, a domain missing, repeated or unknown, a factor repeated anywhere in the set, each is
 * an error naming the file and the line, so that a bad file stops the service from starting.
 */
public final class FactorSetReader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private FactorSetReader() {
    }

    public static FactorSet read(String file, Reader reader) throws PolicyException {
        YamlMapping root = YamlMapping.parse(file, reader);
        root.allowOnly(Set.of("id", "version", "title", "ratings", "domains"));
        String id = id(root, root.text("id"));
        int version = version(root, root.text("version"));
        String title = root.text("title").value();
        List<RiskLevel> ratings = ratings(root);
        Set<String> factorIds = new HashSet<>();
        List<FactorSet.Domain> domains = root.each("domains", "domain", d -> domain(d, factorIds));
        List<String> named = domains.stream().map(FactorSet.Domain::id).toList();
        if (!named.equals(FactorSet.DOMAINS)) {
            throw root.error(root.line(), "the domains must be " + String.join(", ", FactorSet.DOMAINS)
                    + ", each once and in that order (found: " + String.join(", ", named) + ")");
        }
        return new FactorSet(id, version, title, ratings, domains);
    }

    private static List<RiskLevel> ratings(YamlMapping root) throws PolicyException {
        List<Scalar> written = root.texts("ratings");
        if (written.isEmpty()) {
            throw root.error(root.line(), "the factor set needs 'ratings', lowest first");
        }
        List<RiskLevel> ratings = new ArrayList<>();
        for (Scalar rating : written) {
            RiskLevel level = level(root, rating);
            if (!ratings.isEmpty() && level.compareTo(ratings.getLast()) <= 0) {
                throw root.error(rating.line(), "rating " + level + " is repeated or out of order: list the"
                        + " ratings lowest first (LOW, MODERATE, HIGH)");
            }
            ratings.add(level);
        }
        return ratings;
    }

    private static FactorSet.Domain domain(YamlMapping domain, Set<String> factorIds) throws PolicyException {
        domain.allowOnly(Set.of("id", "factors"));
        Scalar id = domain.text("id");
        if (!FactorSet.DOMAINS.contains(id.value())) {
            throw domain.error(id.line(), "unknown domain '" + id.value() + "' (one of "
                    + String.join(", ", FactorSet.DOMAINS) + ")");
        }
        List<FactorSet.Factor> factors = domain.each("factors", "factor", f -> factor(f, factorIds));
        if (factors.isEmpty()) {
            throw domain.error(domain.line(), "domain " + id.value() + " has no factors");
        }
        return new FactorSet.Domain(id.value(), factors);
    }

    private static FactorSet.Factor factor(YamlMapping factor, Set<String> factorIds) throws PolicyException {
        factor.allowOnly(Set.of("id", "description"));
        String id = id(factor, factor.text("id"));
        if (!factorIds.add(id)) {
            throw factor.error(factor.line(), "factor '" + id + "' is named twice in the set");
        }
        return new FactorSet.Factor(id, factor.text("description").value());
    }

    private static String id(YamlMapping at, Scalar id) throws PolicyException {
        if (!ID.matcher(id.value()).matches()) {
            throw at.error(id.line(), "'" + id.value() + "' is not an id: lower-case words and dashes");
        }
        return id.value();
    }

    private static int version(YamlMapping at, Scalar version) throws PolicyException {
        try {
            int number = Integer.parseInt(version.value());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the line
        }
        throw at.error(version.line(), "version '" + version.value() + "' is not a whole number from 1");
    }

    private static RiskLevel level(YamlMapping at, Scalar rating) throws PolicyException {
        try {
            return RiskLevel.valueOf(rating.value());
        } catch (IllegalArgumentException e) {
            throw at.error(rating.line(), "unknown rating '" + rating.value() + "' (one of LOW, MODERATE, HIGH)");
        }
    }
}
