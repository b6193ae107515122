package org.interlock.gateway.enforcement;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.interlock.contracts.Agency;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.contracts.catalogue.Operation;
import org.interlock.gateway.catalogue.ServiceCatalogues;

/**
 * What the catalogues allow, judged on raw text by the test's own reading (not the gateway's
 * parser): which caller requests name a catalogue operation in plain segments, and whether a
 * request a service received is one the catalogues declare, with a query of declared parameters
 * of their types, each given once.
 */
final class CatalogueScope {

    private static final String API = "/api/v1/";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern QUERY_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    private static final Pattern ENCODED_VALUE = Pattern.compile("([A-Za-z0-9._~-]|%[0-9A-F]{2})*");

    private final ServiceCatalogues catalogues;

    CatalogueScope(ServiceCatalogues catalogues) {
        this.catalogues = catalogues;
    }

    /**
     * The catalogue operation a caller's raw request target names in plain segments
     * ({@code /api/v1/{agency}/...}), if any: only such a request may lead to a call to a service.
     */
    Optional<Catalogue.Match> named(String method, String target) {
        int query = target.indexOf('?');
        return match(method, query < 0 ? target : target.substring(0, query), API, "");
    }

    /** Whether a request a service received is within its catalogue: a declared path and method, a declared query. */
    boolean allows(UpstreamStub.Received received) {
        for (Agency agency : Agency.values()) {
            String prefix = "/" + agency.id() + API;
            if (received.path().startsWith(prefix)) {
                Optional<Catalogue.Match> match = match(received.method(), received.path(), prefix, agency.id() + "/");
                return match.isPresent() && declaredQuery(match.get().operation(), received.query());
            }
        }
        return false;
    }

    private Optional<Catalogue.Match> match(String method, String rawPath, String prefix, String agencyPrefix) {
        if (!rawPath.startsWith(prefix)) {
            return Optional.empty();
        }
        List<String> segments = Arrays.asList((agencyPrefix + rawPath.substring(prefix.length())).split("/", -1));
        if (segments.size() < 2 || !segments.stream().allMatch(s -> PLAIN.matcher(s).matches())) {
            return Optional.empty();
        }
        Optional<Agency> agency = Arrays.stream(Agency.values()).filter(a -> a.id().equals(segments.getFirst())).findFirst();
        return agency.flatMap(a -> catalogues.of(a).match(method, segments.subList(1, segments.size())));
    }

    private static boolean declaredQuery(Operation operation, String rawQuery) {
        if (rawQuery == null) {
            return operation.query().values().stream().noneMatch(Operation.QueryParam::required);
        }
        Set<String> seen = new HashSet<>();
        for (String pair : rawQuery.split("&", -1)) {
            String[] parts = pair.split("=", -1);
            if (parts.length != 2 || !QUERY_NAME.matcher(parts[0]).matches() || !seen.add(parts[0])
                    || !ENCODED_VALUE.matcher(parts[1]).matches()) {
                return false;
            }
            Operation.QueryParam param = operation.query().get(parts[0]);
            if (param == null || !param.type().accepts(decode(parts[1]))) {
                return false;
            }
        }
        return operation.query().entrySet().stream()
                .allMatch(declared -> !declared.getValue().required() || seen.contains(declared.getKey()));
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
