package org.interlock.bench;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.Context;
import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Action;
import org.interlock.policy.Permit;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.language.Policy;
import org.interlock.policy.loading.PolicyLoader;

/**
 * One policy decision on the request path: a probation officer reads a prison's release record of a
 * person on his caseload, under a policy of 100 agreements, with 10,000 caseload entries (100 staff
 * with 100 persons each) held in memory as the gateway would. Target: median at most 2 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyDecisionBenchmark {

    static final int AGREEMENTS = 100;
    static final int STAFF = 100;
    static final int PERSONS_EACH = 100;

    private PolicyEngine engine;
    private DecisionRequest request;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Policy policy = new PolicyLoader().load("bench-policy.yaml", new StringReader(BenchPolicy.yaml(AGREEMENTS)));
        Map<String, Set<String>> caseload = new HashMap<>();
        for (int s = 0; s < STAFF; s++) {
            Set<String> persons = new HashSet<>();
            for (int p = 0; p < PERSONS_EACH; p++) {
                persons.add(person(s * PERSONS_EACH + p));
            }
            caseload.put(s == 0 ? "peter.probation" : "officer-" + s, persons);
        }
        engine = new InterlockPolicyEngine(() -> policy,
                (username, person) -> caseload.getOrDefault(username, Set.of()).contains(person),
                (person, org, category, purpose, at) -> Optional.empty());
        Principal peter = Principal.person("peter.probation", "probation", null, Set.of("probation-officer"),
                Classification.OFFICIAL_SENSITIVE);
        request = new DecisionRequest(peter, Action.READ, new Resource(Agency.PRISONS, "custody.release",
                Classification.OFFICIAL_SENSITIVE, null, person(42), "org.interlock.prisons.custody.release-date-set.v1"),
                Context.of("case-management", Instant.parse("2026-12-01T09:00:00Z")));
        if (!(engine.decide(request) instanceof Permit)) {
            throw new IllegalStateException("the benchmark request must be permitted: " + engine.decide(request));
        }
    }

    private static String person(int n) {
        return "urn:interlock:person:00000000-0000-4000-8000-%012d".formatted(n);
    }

    @Benchmark
    public Decision decide() {
        return engine.decide(request);
    }
}
