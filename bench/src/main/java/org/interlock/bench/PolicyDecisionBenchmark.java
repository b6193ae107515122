package org.interlock.bench;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.time.LocalDate;
import java.util.List;
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
import org.interlock.policy.Organisations;
import org.interlock.policy.Resource;
import org.interlock.policy.StaffMember;
import org.interlock.policy.Views;
import org.interlock.policy.views.AllocationRegister;
import org.interlock.policy.views.ReferralRegister;
import org.interlock.policy.views.RestrictionRegister;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.language.Policy;
import org.interlock.policy.loading.PolicyLoader;

/**
 * One policy decision on the request path: a probation officer reads a prison's release record of a
 * person on his caseload, under a policy of 100 agreements, with the views the gateway holds: 10,000
 * allocations (100 staff with 100 persons each), 10,000 accepted referrals, 1,000 restrictions and
 * a staff directory. Target: median at most 2 µs.
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
        Map<String, StaffMember> staff = new HashMap<>();
        AllocationRegister caseload = new AllocationRegister((username, agency) -> staff.containsKey(username));
        ReferralRegister referrals = new ReferralRegister();
        RestrictionRegister restrictions = new RestrictionRegister();
        for (int s = 0; s < STAFF; s++) {
            String officer = s == 0 ? "peter.probation" : "officer-" + s;
            staff.put(officer, new StaffMember(officer, "probation", null, Set.of("probation-officer")));
            for (int p = 0; p < PERSONS_EACH; p++) {
                int n = s * PERSONS_EACH + p;
                caseload.start("allocation-" + n, Agency.PROBATION, officer, person(n), "PROBATION_PRACTITIONER");
                // Every person referred to a partner organisation, one in ten restricted by prisons to others.
                referrals.made("referral-" + n, person(n), "horizon-mentoring", List.of("custody.*", "licence.*"),
                        List.of("resettlement"), LocalDate.of(2100, 1, 1), officer);
                referrals.accepted("referral-" + n);
                if (n % 10 == 7) {
                    restrictions.imposed("restriction-" + n, Agency.PRISONS, person(n), Set.of("olivia.prison"));
                }
            }
        }
        Organisations active = new Organisations() {
            @Override
            public boolean isActive(String organisation) {
                return true;
            }

            @Override
            public boolean isSuspended(String organisation) {
                return false;
            }
        };
        engine = new InterlockPolicyEngine(() -> policy, new Views(caseload,
                (person, org, category, purpose, at) -> Optional.empty(), referrals, restrictions, active,
                username -> Optional.ofNullable(staff.get(username))));
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
