package org.interlock.bench;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads of one record through the gateway, and the same reads straight to the service, in one run:
 * <ol>
 *   <li>closed loop, BENCH_REST_CLIENTS (64) concurrent clients, each on its own kept-alive
 *       HTTP/1.1 connection: GET one custody episode through the gateway as its prison's offender
 *       manager (authenticate, decide, audit, forward, project), requests/s, p50 / p99; then the
 *       same GET to the prisons service with the gateway's own service token (client credentials
 *       of interlock-gateway), requests/s, p50 / p99;</li>
 *   <li>open loop, both at the same offered rate (BENCH_REST_RATE, else half what the gateway
 *       sustained, at most 1,000/s: below saturation, so that the difference is the gateway's
 *       work and not its queue): the gateway's added latency = p99 through the gateway minus p99
 *       direct (and the same for p50), latencies counted from when each request was due.</li>
 * </ol>
 * The gateway's per-client rate limit is lifted by the bench's stack configuration. Arguments:
 * gateway URL, prisons service URL, Keycloak URL, seconds per phase.
 */
public final class GatewayRestLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    /**
     * Both paths are run this long before either is measured: measured first and cold, the gateway
     * paid both processes' JIT compilation (C2 took 17 % of the machine during its phase). On 2 shared
     * cores C2 is still busy after 20 s (1,162–1,543 reads/s measured then; 2,352 after 60 s).
     */
    private static final Duration BOTH_WARM = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("BENCH_REST_WARMUP", "60")));

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        URI service = URI.create(args[1]);
        String keycloak = args[2];
        Duration length = Duration.ofSeconds(Integer.parseInt(args[3]));
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_REST_CLIENTS", "64"));

        String episode = recordOne(gateway, Keycloak.persona(keycloak, "olivia.prison"));
        String throughGateway = "/api/v1/prisons/custody-episodes/" + episode;
        String direct = "/api/v1/custody-episodes/" + episode;
        System.out.printf("SETTING|gateway REST: GET one custody episode (%s through the gateway as olivia.prison,"
                + " purpose case-management; %s to the service with interlock-gateway's service token), HTTP/1.1"
                + " keep-alive, one connection per client, %d clients in the closed loop; both paths run %d s"
                + " (BENCH_REST_WARMUP) before either is measured, then %d s warm-up and %d s measured per phase;"
                + " per-client rate limit lifted (INTERLOCK_RATE_LIMIT_*)%n", throughGateway, direct, clients,
                BOTH_WARM.toSeconds(), WARM_UP.toSeconds(), length.toSeconds());

        warm(gateway, throughGateway, Keycloak.persona(keycloak, "olivia.prison"), clients);
        warm(service, direct, Keycloak.gatewayService(keycloak), clients);
        LoadPhase.Result viaGateway = closed("gateway", gateway, throughGateway,
                Keycloak.persona(keycloak, "olivia.prison"), clients, length);
        LoadPhase.Result straight = closed("service", service, direct, Keycloak.gatewayService(keycloak), clients,
                length);
        report(String.format("reads through the gateway, %d clients", clients), viaGateway, "≥ 5000");
        report(String.format("reads straight to the service, %d clients", clients), straight, "-");

        double rate = System.getenv("BENCH_REST_RATE") != null ? Double.parseDouble(System.getenv("BENCH_REST_RATE"))
                : Math.max(50, Math.min(1_000, Math.floor(viaGateway.perSecond() / 2 / 50) * 50));
        LoadPhase.Result pacedGateway = open("gateway", gateway, throughGateway, Keycloak.persona(keycloak,
                "olivia.prison"), clients, rate, length);
        LoadPhase.Result pacedDirect = open("service", service, direct, Keycloak.gatewayService(keycloak), clients,
                rate, length);
        String at = String.format("at %.0f requests/s offered", rate);
        report("reads through the gateway " + at, pacedGateway, "-");
        report("reads straight to the service " + at, pacedDirect, "-");
        System.out.printf("BENCH|gateway's added latency %s, p50 (gateway p50 - direct p50)|%.1f|ms|-%n", at,
                pacedGateway.latencies().percentileMillis(50) - pacedDirect.latencies().percentileMillis(50));
        System.out.printf("BENCH|gateway's added latency %s, p99 (gateway p99 - direct p99)|%.1f|ms|≤ 5%n", at,
                pacedGateway.latencies().percentileMillis(99) - pacedDirect.latencies().percentileMillis(99));
        System.exit(0);
    }

    /** A reception recorded through the gateway (the gateway signs who acts); returns the episode's id. */
    private static String recordOne(URI gateway, String token) throws Exception {
        String person = "urn:interlock:person:" + UUID.randomUUID();
        try (KeepAliveConnection connection = new KeepAliveConnection(gateway)) {
            KeepAliveConnection.Answer answer = connection.send(KeepAliveConnection.request(gateway, "POST",
                    "/api/v1/prisons/custody-episodes", Map.of("Authorization", "Bearer " + token,
                            "X-Purpose-Of-Use", "case-management"), """
                    {"person":"%s","prisonNumber":"B1234CD","establishment":"HMP Frankland","securityCategory":"B",\
                    "receivedOn":"%s"}""".formatted(person, LocalDate.now())), true, false);
            if (answer.status() != 201) {
                throw new IllegalStateException("Recording the episode to read: HTTP " + answer.status() + " "
                        + answer.text());
            }
            return JSON.readTree(answer.body()).path("id").asText();
        }
    }

    /** The path run unmeasured, so that the JIT has compiled what both processes run on it. */
    private static void warm(URI base, String path, String token, int clients) throws Exception {
        byte[] request = get(base, path, token);
        LoadPhase.closed(base, clients, BOTH_WARM, Duration.ZERO, (connection, i, due) -> connection.send(request,
                false, true).status());
    }

    private static LoadPhase.Result closed(String target, URI base, String path, String token, int clients,
            Duration length) throws Exception {
        byte[] request = get(base, path, token);
        CpuMeter cpu = new CpuMeter("gateway", "prisons", "postgres").start();
        LoadPhase.Result result;
        String[] profiled = target.equals("gateway") ? new String[] {"gateway", "prisons"} : new String[] {"prisons"};
        try (Profiling profile = Profiling.phase("rest-reads-" + target, profiled)) {
            result = LoadPhase.closed(base, clients, WARM_UP, length,
                    (connection, i, due) -> connection.send(request, false, true).status());
        }
        System.out.printf("BENCH|reads %s, %d clients: CPU (cores) %s|cores|-%n",
                target.equals("gateway") ? "through the gateway" : "straight to the service", clients,
                CpuMeter.describe(cpu.stop()));
        return result;
    }

    private static LoadPhase.Result open(String target, URI base, String path, String token, int clients, double rate,
            Duration length) throws Exception {
        byte[] request = get(base, path, token);
        // A short warm-up at the rate: connections open, the path compiled.
        LoadPhase.open(base, clients, rate, WARM_UP, (connection, i, due) -> connection.send(request, false, true).status());
        CpuMeter cpu = new CpuMeter("gateway", "prisons", "postgres").start();
        LoadPhase.Result result = LoadPhase.open(base, clients, rate, length,
                (connection, i, due) -> connection.send(request, false, true).status());
        System.out.printf("BENCH|reads %s at %.0f requests/s offered: CPU (cores) %s|cores|-%n",
                target.equals("gateway") ? "through the gateway" : "straight to the service", rate,
                CpuMeter.describe(cpu.stop()));
        return result;
    }

    private static byte[] get(URI base, String path, String token) {
        return KeepAliveConnection.request(base, "GET", path, Map.of("Authorization", "Bearer " + token,
                "X-Purpose-Of-Use", "case-management", "Accept", "application/json"), null);
    }

    private static void report(String name, LoadPhase.Result result, String target) {
        System.out.printf("BENCH|%s|%.0f|requests/s|%s%n", name, result.perSecond(), target);
        System.out.printf("BENCH|%s, p50|%.1f|ms|-%n", name, result.latencies().percentileMillis(50));
        System.out.printf("BENCH|%s, p99|%.1f|ms|-%n", name, result.latencies().percentileMillis(99));
        if (!result.problems().equals("none")) {
            System.out.printf("BENCH|%s, not 2xx (%s)|%d|count|0%n", name, result.problems(),
                    result.statuses().values().stream().mapToLong(Long::longValue).sum() - result.ok() + result.failed());
        }
    }
}
