package org.interlock.e2e.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.interlock.testing.TestStack;

/**
 * How many requests each agency service has answered on its API, as its own metrics count them
 * ({@code http_server_requests_seconds_count} at {@code /q/metrics}; Quarkus leaves its own
 * {@code /q} endpoints out, and counts a path it does not know as {@code NOT_FOUND}). Only the
 * gateway calls the services, so a count that moves while a test talks to the gateway alone is a
 * request the gateway forwarded.
 */
final class ServiceTraffic {

    static final List<String> SERVICES = List.of("prisons", "probation", "intelligence", "partners");
    private static final String COUNTER = "http_server_requests_seconds_count{";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceTraffic() {
    }

    /** Requests answered so far, per service. */
    static Map<String, Long> answered() {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : SERVICES) {
            counts.put(service, answered(service));
        }
        return counts;
    }

    private static long answered(String service) {
        String metrics = get(TestStack.shared().serviceUrl(service) + "/q/metrics");
        return metrics.lines()
                .filter(line -> line.startsWith(COUNTER) && !line.contains("uri=\"/q/"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
