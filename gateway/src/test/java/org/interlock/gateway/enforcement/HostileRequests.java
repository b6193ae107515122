package org.interlock.gateway.enforcement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.contracts.catalogue.Operation;
import org.interlock.contracts.catalogue.ParamType;
import org.interlock.gateway.catalogue.ServiceCatalogues;

/**
 * Hostile request targets, generated with jqwik arbitraries: a request every catalogue declares
 * (an operation's path with valid ids, and its query), then one to three tricks applied to its raw
 * text: dot segments and traversal towards {@code /q/*}, {@code /schemas}, the gateway's own APIs,
 * other agencies and other collections; encoded, double-encoded and overlong-UTF-8 slashes,
 * backslashes and dots; {@code ;} parameters; case changes and needless encodings; NUL and other
 * control bytes; empty and over-long segments; Unicode lookalikes; and query tricks (duplicates,
 * encoded {@code &} and {@code =}, {@code +}, unknown and polluting parameters). A target is a
 * string of bytes, one char each (ISO-8859-1), sent as it is by {@link RawHttp}.
 */
final class HostileRequests {

    static final String UUID_TEXT = "6c9a1a53-9d0d-4c32-9a8c-2f7f4e8b1e11";
    static final String PERSON = "urn:interlock:person:" + UUID_TEXT;

    /** A request target in the making: raw path segments (from "api") and raw query pairs. */
    record Draft(List<String> segments, List<String> pairs) {

        Draft copy() {
            return new Draft(new ArrayList<>(segments), new ArrayList<>(pairs));
        }

        String target() {
            return "/" + String.join("/", segments) + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
        }
    }

    /** One trick: a change to a copy of a draft. */
    interface Trick extends UnaryOperator<Draft> {
    }

    private static final List<String> DOTS = List.of(".", "..", "...", "%2e", "%2E", "%2e%2e", "%2E%2e", ".%2e", "%2e.",
            "%252e", "%252e%252e", "%25%32%65", "%c0%ae", "%c0%ae%c0%ae", "%e0%80%ae", "%C0%2E", "..;", ".;x=1", "..%00",
            "%u002e%u002e", ".%00.", utf8("\u2024\u2024"), utf8("\uff0e\uff0e"), "%ef%bc%8e%ef%bc%8e");

    private static final List<String> SLASHES = List.of("%2f", "%2F", "%252f", "%252F", "%25%32%66", "%25%32%46",
            "%5c", "%5C", "\\", "%255c", "%c0%af", "%C0%AF", "%e0%80%af", "%f0%80%80%af", "%c1%9c", "%c0%5c",
            utf8("\uff0f"), utf8("\u2215"), utf8("\u2044"), "%ef%bc%8f", "%e2%88%95", "%e2%81%84", "//", "/./", "/../",
            "/%2e/", "/%2e%2e/", ";", "%3b", ";/", "%00", "%0a", "%0d%0a", "%09", "?", "%3f", "%23", "#", "%20");

    private static final List<String> DESTINATIONS = List.of("q/health", "q/health/ready", "q/openapi", "q/metrics",
            "q/dev", "schemas", "schemas/org.interlock.prisons.custody.received.v1.json", "audit/v1/records",
            "audit/v1/export", "policy/v1/agreements", "feeds/v1/analysts", "api/v1/intelligence/reports/" + UUID_TEXT,
            "intelligence/api/v1/reports/" + UUID_TEXT, "api/v1/reports/" + UUID_TEXT, "incidents/" + UUID_TEXT,
            "custody-episodes/" + UUID_TEXT + "/release-date", "allocations", "reports", "threat-flags/" + UUID_TEXT,
            "consents/" + UUID_TEXT + "/withdraw", "organisations/horizon-mentoring/suspend", "received-events",
            "risk-assessments", "token", "");

    private static final List<String> SUFFIXES = List.of(";jsessionid=0", ";x=1", ";", "%3b", ";..", ";%2f..",
            "%00", "\u0000", "\u0001", "\u001b", "\u007f", "%0a", "%0d", "%0d%0a", "%09", "%7f", "%1b", ".", "..",
            ".json", "%2e", "/", "//", "%20", "%", "%g0", "%2", "%%", "~", "%7e", "+", "*", "@", "!", "'", "$", ",",
            "(", ")", ":", "%3a", "|", "%7c", "^", "`", "{", "}", "[", "]", "%5b%5d", "\"", "<", ">", "%3c", utf8("\u00e9"),
            utf8("\u0130"), utf8("\u017f"), utf8("\u212a"), utf8("\u202e"), utf8("\ufeff"), utf8("\u200b"), "\u00ff",
            "\u0080", "\u00c0\u00af", "\u00c0\u00ae");

    private static final List<String> UNKNOWN_PARAMS = List.of("admin=true", "debug=1", "path=..%2F..%2Fq%2Fhealth",
            "_method=PUT", "X-Purpose-Of-Use=oversight", "callback=x", "format=xml", "fields=*", "person[]=x",
            "person.id=x", "organisation=faith-bridge", "active=true", "staff=olivia.prison", "include=securityCategory");

    private static final List<String> HOSTILE_VALUES = List.of("", PERSON + "%26admin%3Dtrue", PERSON + "%26person%3D"
            + PersonReference.random(), PERSON + "+", "+" + PERSON, PERSON.replace(':', '+'), PERSON + "%00",
            PERSON + "%0a", PERSON + "%0d%0a", "..%2F..%2Fq%2Fhealth", "%252e%252e", "%c0%ae%c0%ae", PERSON + ";x=1",
            PERSON + "#x", PERSON + "%23x", "urn%3Ainterlock%3Aperson%3A" + UUID_TEXT.toUpperCase(Locale.ROOT),
            PERSON.toUpperCase(Locale.ROOT), "%e2%80%ae" + PERSON, PERSON + "%", PERSON + "%2", PERSON + "%zz",
            "x".repeat(300), "%ff%fe", "true%00", "horizon-mentoring%2F..", "horizon-mentoring/../faith-bridge",
            "TRUE", "1", "null", "%7b%7d", "'%20OR%201=1--", "\u0000", "\u0001", utf8("\uff0f"), "=", "==" + PERSON);

    private static final List<String> HOSTILE_NAMES = List.of("%70erson", "Person", "PERSON", "person%00", "%20person",
            "person%20", "per%73on", "person[]", "person.x", "_person", "1person", "person;", "p\u0000erson", "");

    private final List<Draft> bases;

    HostileRequests(ServiceCatalogues catalogues) {
        List<Draft> drafts = new ArrayList<>();
        for (Agency agency : Agency.values()) {
            Catalogue catalogue = catalogues.of(agency);
            for (Operation operation : catalogue.operations()) {
                drafts.add(base(agency, operation));
            }
        }
        this.bases = List.copyOf(drafts);
    }

    /** Method and target: one to three tricks on a catalogued request, for any of GET, POST and PUT. */
    Arbitrary<String> targets() {
        return Combinators.combine(Arbitraries.of(bases), tricks().list().ofMinSize(1).ofMaxSize(3))
                .as((base, tricks) -> {
                    Draft draft = base.copy();
                    for (Trick trick : tricks) {
                        draft = trick.apply(draft.copy());
                    }
                    return draft.target();
                });
    }

    private Arbitrary<Trick> tricks() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 1_000);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Combinators.combine(at, Arbitraries.of(DOTS)).as(HostileRequests::replace)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(at, Arbitraries.oneOf(Arbitraries.just(".."), Arbitraries.of(DOTS)),
                        Arbitraries.integers().between(1, 6), Arbitraries.oneOf(Arbitraries.just("/"), Arbitraries.of(SLASHES)),
                        Arbitraries.of(DESTINATIONS), Arbitraries.of(true, false))
                        .as(HostileRequests::traverse)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(at, Arbitraries.of(SLASHES)).as(HostileRequests::join)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(at, Arbitraries.of(SUFFIXES)).as(HostileRequests::suffix)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(at, Arbitraries.longs()).as(HostileRequests::encode)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(at, Arbitraries.longs()).as(HostileRequests::recase)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(at, Arbitraries.integers().between(129, 600))
                        .as(HostileRequests::lengthen)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(at, Arbitraries.of(Agency.values()))
                        .as(HostileRequests::otherAgency)),
                net.jqwik.api.Tuple.of(1, at.map(HostileRequests::empty)),
                net.jqwik.api.Tuple.of(1, junkSegments().map(junk -> (Trick) draft -> replaceAt(draft, 3, junk))),
                net.jqwik.api.Tuple.of(4, queryTricks()));
    }

    private static Arbitrary<Trick> queryTricks() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 1_000);
        return Arbitraries.oneOf(
                at.map(HostileRequests::duplicate),
                Arbitraries.of(UNKNOWN_PARAMS).map(pair -> (Trick) draft -> {
                    draft.pairs().add(pair);
                    return draft;
                }),
                Combinators.combine(at, Arbitraries.of(HOSTILE_VALUES)).as(HostileRequests::value),
                Combinators.combine(at, Arbitraries.of(HOSTILE_NAMES)).as(HostileRequests::name),
                Arbitraries.of("&", "&&", "&=", "=", "?", ";", "%26", "#").map(junk -> (Trick) draft -> {
                    draft.pairs().add(junk);
                    return draft;
                }),
                Arbitraries.of(";", "%3b", "&amp;", "%26", "?").map(separator -> (Trick) draft -> {
                    if (draft.pairs().size() > 1) {
                        String joined = String.join(separator, draft.pairs());
                        draft.pairs().clear();
                        draft.pairs().add(joined);
                    } else {
                        draft.pairs().add("person=" + PERSON + separator + "admin=true");
                    }
                    return draft;
                }));
    }

    /** Anything printable and some bytes that are not, as one segment. */
    private static Arbitrary<String> junkSegments() {
        return Arbitraries.strings().withChars("abcAB-_0.%/\\;:?#&=+@!$'()*,~2fFeE5c")
                .withChars('\u0000', '\u0001', '\u007f', '\u00c0', '\u00af').ofMinLength(1).ofMaxLength(16);
    }

    private static Trick replace(int at, String dots) {
        return draft -> replaceAt(draft, at, dots);
    }

    /**
     * Climb out of the template with {@code ups} dot segments joined by a separator, then go
     * somewhere else; {@code last}: the destination ends the path, else the rest of it follows.
     */
    private static Trick traverse(int at, String dots, int ups, String separator, String destination, boolean last) {
        return draft -> {
            StringBuilder climb = new StringBuilder();
            for (int i = 0; i < ups; i++) {
                climb.append(dots).append(separator);
            }
            String destinationText = separator.equals("/") ? destination : destination.replace("/", separator);
            int index = at % (draft.segments().size() + 1);
            if (last) {
                draft.segments().subList(index, draft.segments().size()).clear();
            }
            draft.segments().add(index, climb + destinationText);
            return draft;
        };
    }

    /** Two neighbouring segments made one with a separator that is not a plain slash. */
    private static Trick join(int at, String separator) {
        return draft -> {
            if (draft.segments().size() < 2) {
                return draft;
            }
            int index = at % (draft.segments().size() - 1);
            String joined = draft.segments().get(index) + separator + draft.segments().remove(index + 1);
            draft.segments().set(index, joined);
            return draft;
        };
    }

    private static Trick suffix(int at, String suffix) {
        return draft -> {
            int index = at % draft.segments().size();
            draft.segments().set(index, draft.segments().get(index) + suffix);
            return draft;
        };
    }

    /** Some characters of a segment percent-encoded in mixed case, some of those encoded twice. */
    private static Trick encode(int at, long seed) {
        return draft -> {
            Random random = new Random(seed);
            int index = at % draft.segments().size();
            StringBuilder encoded = new StringBuilder();
            for (char c : draft.segments().get(index).toCharArray()) {
                if (random.nextInt(3) == 0) {
                    String hex = String.format(random.nextBoolean() ? "%02x" : "%02X", (int) c);
                    encoded.append(random.nextInt(4) == 0 ? "%25" + hex : "%" + hex);
                } else {
                    encoded.append(c);
                }
            }
            draft.segments().set(index, encoded.toString());
            return draft;
        };
    }

    private static Trick recase(int at, long seed) {
        return draft -> {
            Random random = new Random(seed);
            int index = at % draft.segments().size();
            StringBuilder cased = new StringBuilder();
            for (char c : draft.segments().get(index).toCharArray()) {
                cased.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
            }
            draft.segments().set(index, cased.toString());
            return draft;
        };
    }

    /** An id (or any segment) longer than any Interlock id. */
    private static Trick lengthen(int at, int length) {
        return draft -> {
            int index = at % draft.segments().size();
            String segment = draft.segments().get(index).isEmpty() ? "a" : draft.segments().get(index);
            draft.segments().set(index, segment.repeat(length / segment.length() + 1).substring(0, length));
            return draft;
        };
    }

    /** The same path under another agency (the agency segment is the third, after api and v1). */
    private static Trick otherAgency(int at, Agency agency) {
        return draft -> {
            int index = Math.min(2, draft.segments().size() - 1);
            draft.segments().set(index, at % 2 == 0 ? agency.id() : agency.id() + "/" + draft.segments().get(index));
            return draft;
        };
    }

    private static Trick empty(int at) {
        return draft -> {
            draft.segments().add(at % (draft.segments().size() + 1), "");
            return draft;
        };
    }

    private static Trick duplicate(int at) {
        return draft -> {
            if (draft.pairs().isEmpty()) {
                draft.pairs().add("person=" + PERSON);
            }
            draft.pairs().add(draft.pairs().get(at % draft.pairs().size()));
            return draft;
        };
    }

    private static Trick value(int at, String value) {
        return draft -> {
            if (draft.pairs().isEmpty()) {
                draft.pairs().add("person=" + value);
            } else {
                int index = at % draft.pairs().size();
                String pair = draft.pairs().get(index);
                draft.pairs().set(index, pair.substring(0, pair.indexOf('=') + 1) + value);
            }
            return draft;
        };
    }

    private static Trick name(int at, String name) {
        return draft -> {
            if (draft.pairs().isEmpty()) {
                draft.pairs().add(name + "=" + PERSON);
            } else {
                int index = at % draft.pairs().size();
                String pair = draft.pairs().get(index);
                draft.pairs().set(index, name + (pair.contains("=") ? pair.substring(pair.indexOf('=')) : ""));
            }
            return draft;
        };
    }

    private static Draft replaceAt(Draft draft, int at, String segment) {
        draft.segments().set(at % draft.segments().size(), segment);
        return draft;
    }

    /** The operation's path with valid values, and its query with every declared parameter given once. */
    private static Draft base(Agency agency, Operation operation) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String param : operation.path().params()) {
            values.put(param, valid(operation.path().typeOf(param)));
        }
        List<String> segments = new ArrayList<>(List.of("api", "v1", agency.id()));
        segments.addAll(List.of(operation.path().expand(values).split("/")));
        List<String> pairs = new ArrayList<>();
        operation.query().forEach((name, param) -> pairs.add(name + "=" + valid(param.type())));
        return new Draft(segments, pairs);
    }

    private static String valid(ParamType type) {
        return switch (type) {
            case UUID -> UUID.randomUUID().toString();
            case SLUG -> "horizon-mentoring";
            case PERSON -> PersonReference.random();
            case USERNAME -> "olivia.prison";
            case BOOLEAN -> "true";
            case ME -> "me";
        };
    }

    /** A string's UTF-8 bytes, one char each. */
    static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
