package org.interlock.policy.verification;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.interlock.policy.Action;
import org.interlock.policy.Context;
import org.interlock.policy.ChangeTerms;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Resource;
import org.interlock.policy.Principal;
import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.Scalar;
import org.interlock.policy.loading.YamlMapping;

/**
 * Reads a folder of policy test files: {@code personas.yaml} (named subjects) and every other
 * {@code *.yaml}, each a list of {@code cases}. See {@code policy/tests/README.md} for the format.
 */
public final class PolicyCaseReader {

    public static final String PERSONAS = "personas.yaml";
    static final String DEFAULT_PERSON = "urn:interlock:person:00000000-0000-4000-8000-000000000001";
    static final Instant DEFAULT_AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final Set<String> CASE_KEYS = Set.of("name", "subject", "caseload", "lead", "consent",
            "referral", "restrictedTo", "suspended", "conference", "action", "change", "purpose", "breakGlass", "at", "resource",
            "expect");
    static final String REFERRAL_ID = "referral-under-test";

    private final Map<String, Principal> personas = new LinkedHashMap<>();

    public List<PolicyCase> read(Path folder) throws IOException, PolicyException {
        Path personasFile = folder.resolve(PERSONAS);
        if (Files.exists(personasFile)) {
            YamlMapping root = parse(personasFile);
            root.allowOnly(Set.of("personas"));
            YamlMapping named = root.mapping("personas").orElseThrow(() -> root.error(1, "needs 'personas'"));
            for (Map.Entry<Scalar, YamlMapping> persona : named.mappingsByKey("persona").entrySet()) {
                personas.put(persona.getKey().value(), CaseTerms.person(persona.getKey().value(), persona.getValue(), true));
            }
        }
        List<PolicyCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals(PERSONAS)).sorted().toList()) {
                cases.addAll(readCases(file));
            }
        }
        return cases;
    }

    private List<PolicyCase> readCases(Path file) throws IOException, PolicyException {
        YamlMapping root = parse(file);
        root.allowOnly(Set.of("cases"));
        List<PolicyCase> cases = new ArrayList<>();
        for (YamlMapping entry : root.mappings("cases", "case")) {
            cases.add(readCase(entry));
        }
        return cases;
    }

    private PolicyCase readCase(YamlMapping entry) throws PolicyException {
        entry.allowOnly(CASE_KEYS);
        Scalar name = entry.text("name");
        Principal subject = subject(entry);
        Action action = CaseTerms.action(entry);
        String breakGlass = entry.optionalText("breakGlass").map(Scalar::value).orElse(null);
        Context context = new Context(entry.text("purpose").value(), breakGlass, at(entry));
        YamlMapping resource = entry.mapping("resource").orElseThrow(() -> entry.error(entry.line(), "case needs 'resource'"));
        Resource described = CaseTerms.resource(resource);
        ChangeTerms change = entry.hasMapping("change") ? CaseTerms.change(entry.mapping("change").orElseThrow())
                : ChangeTerms.NONE;
        DecisionRequest request = new DecisionRequest(subject, action, described, context, change);
        YamlMapping expect = entry.mapping("expect").orElseThrow(() -> entry.error(entry.line(), "case needs 'expect'"));
        World world = new World(flag(entry, "caseload"), flag(entry, "lead"), flag(entry, "consent"),
                referral(entry, described, context), restrictedTo(entry), flag(entry, "suspended"),
                conference(entry, subject));
        return new PolicyCase(name.value(), entry.file() + ":" + name.line(), request, world, personas,
                CaseTerms.expectation(expect));
    }

    /** {@code referral: true} covers what is asked; {@code referral: {categories, purposes}} covers what it says. */
    private static World.Coverage referral(YamlMapping entry, Resource resource, Context context) throws PolicyException {
        if (entry.hasMapping("referral")) {
            YamlMapping covers = entry.mapping("referral").orElseThrow();
            covers.allowOnly(Set.of("categories", "purposes"));
            return new World.Coverage(values(covers, "categories"), values(covers, "purposes"), REFERRAL_ID);
        }
        return flag(entry, "referral")
                ? new World.Coverage(List.of(resource.category()), List.of(context.purpose()), REFERRAL_ID) : null;
    }

    /**
     * {@code conference: <instant>} is a conference about the person meeting then, inviting the
     * subject; {@code conference: {meetsAt, invited: [...]}} invites whom it says.
     */
    private static World.Meeting conference(YamlMapping entry, Principal subject) throws PolicyException {
        if (entry.hasMapping("conference")) {
            YamlMapping meeting = entry.mapping("conference").orElseThrow();
            meeting.allowOnly(Set.of("meetsAt", "invited"));
            return new World.Meeting(instant(meeting, meeting.text("meetsAt")), values(meeting, "invited"));
        }
        Optional<Scalar> meetsAt = entry.optionalText("conference");
        if (meetsAt.isEmpty()) {
            return null;
        }
        return new World.Meeting(instant(entry, meetsAt.get()),
                subject.username() == null ? List.of() : List.of(subject.username()));
    }

    private static List<String> restrictedTo(YamlMapping entry) throws PolicyException {
        return entry.has("restrictedTo") ? values(entry, "restrictedTo") : null;
    }

    private static List<String> values(YamlMapping mapping, String key) throws PolicyException {
        List<String> values = new ArrayList<>();
        for (Scalar value : mapping.texts(key)) {
            values.add(value.value());
        }
        return values;
    }

    private Principal subject(YamlMapping entry) throws PolicyException {
        if (!entry.hasMapping("subject")) {
            Scalar name = entry.text("subject");
            Principal persona = personas.get(name.value());
            if (persona == null) {
                throw entry.error(name.line(), "unknown persona '" + name.value() + "' (see " + PERSONAS + ")");
            }
            return persona;
        }
        return CaseTerms.subject(entry.mapping("subject").orElseThrow());
    }

    private static Instant at(YamlMapping entry) throws PolicyException {
        Optional<Scalar> at = entry.optionalText("at");
        return at.isEmpty() ? DEFAULT_AT : instant(entry, at.get());
    }

    private static Instant instant(YamlMapping where, Scalar value) throws PolicyException {
        try {
            return Instant.parse(value.value());
        } catch (DateTimeParseException e) {
            throw where.error(value.line(), "bad instant '" + value.value() + "'");
        }
    }

    private static boolean flag(YamlMapping entry, String key) throws PolicyException {
        Optional<Scalar> value = entry.optionalText(key);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().value()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw entry.error(value.get().line(), "'" + key + "' must be true or false");
        };
    }

    private static YamlMapping parse(Path file) throws IOException, PolicyException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return YamlMapping.parse(file.getFileName().toString(), reader);
        }
    }
}
