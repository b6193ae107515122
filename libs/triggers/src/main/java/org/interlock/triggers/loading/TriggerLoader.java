package org.interlock.triggers.loading;

import java.io.Reader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.Scalar;
import org.interlock.policy.loading.YamlMapping;
import org.interlock.triggers.language.Condition;
import org.interlock.triggers.language.TriggerRule;
import org.interlock.triggers.language.TriggerRules;

/**
 * Parses and checks a rule file ({@value #FILE}, beside the policy). Everything that can be wrong
 * with it is reported with the file and line, and nothing of a file that is wrong is loaded: the
 * rules in force stay in force (ADR 0015).
 */
public final class TriggerLoader {

    public static final String FILE = "triggers.yaml";

    /** How long a rule with one plain condition and no window remembers the events that fired it. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(1);

    private static final Set<String> KEYS = Set.of("version", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "when", "within", "unless");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,4})([dhms])");

    private final TriggerVocabulary vocabulary;

    public TriggerLoader(TriggerVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public TriggerRules load(String file, Reader reader) throws PolicyException {
        YamlMapping root = YamlMapping.parse(file, reader);
        root.allowOnly(KEYS);
        String version = root.text("version").value();
        if (!root.has("rules")) {
            throw root.error(root.line(), "the file needs 'rules' (a list; it may be empty)");
        }
        Map<String, Integer> seen = new HashMap<>();
        return new TriggerRules(version, root.each("rules", "rule", entry -> rule(entry, seen)));
    }

    private TriggerRule rule(YamlMapping entry, Map<String, Integer> seen) throws PolicyException {
        entry.allowOnly(RULE_KEYS);
        Scalar id = uniqueId(entry, seen);
        String description = entry.text("description").value();
        ConditionReader conditions = new ConditionReader(vocabulary, entry);
        List<Condition> when = conditions.read("when", true);
        if (when.isEmpty()) {
            throw entry.error(entry.line(), "rule '" + id.value() + "' needs at least one condition under 'when'");
        }
        List<Condition> unless = conditions.read("unless", false);
        Optional<Scalar> within = entry.optionalText("within");
        boolean needsWindow = when.size() > 1 || !unless.isEmpty()
                || when.stream().anyMatch(Condition::comparesWithPrevious);
        if (within.isEmpty() && needsWindow) {
            throw entry.error(entry.line(), "rule '" + id.value() + "' needs 'within' (a window such as 14d): it has"
                    + " more than one condition, an 'unless' or a comparison with the previous event");
        }
        Duration window = within.isPresent() ? duration(entry, within.get()) : DEFAULT_WINDOW;
        return new TriggerRule(id.value(), description, when, window, unless, entry.line());
    }

    private static Scalar uniqueId(YamlMapping entry, Map<String, Integer> seen) throws PolicyException {
        Scalar id = entry.text("id");
        if (!ID.matcher(id.value()).matches()) {
            throw entry.error(id.line(), "rule id '" + id.value() + "' must be lower-case letters, digits and dashes");
        }
        Integer first = seen.putIfAbsent(id.value(), id.line());
        if (first != null) {
            throw entry.error(id.line(), "duplicate rule id '" + id.value() + "' (first defined at line " + first + ")");
        }
        return id;
    }

    /** A window in days, hours, minutes or seconds: {@code 14d}, {@code 12h}, {@code 30m}, {@code 90s}. */
    static Duration duration(YamlMapping source, Scalar text) throws PolicyException {
        Matcher m = DURATION.matcher(text.value());
        if (!m.matches()) {
            throw source.error(text.line(), "bad duration '" + text.value()
                    + "' (a positive whole number of d, h, m or s, such as 14d)");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
