package org.interlock.testing;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.actor.ActorKeys;

/**
 * A member of staff the gateway asserts acts on a write ({@code X-Interlock-Actor}), for tests
 * that call a service as the gateway would. Signed with the committed DEV AND TEST ONLY key pair,
 * whose public half the services trust in the test profile (agency-service's
 * microprofile-config.properties); never a key of any deployment.
 */
public record TestActor(String username, String agency, String org, List<String> roles) {

    /** DEV AND TEST ONLY: the private half of the committed actor key pair (base64 PKCS#8). */
    public static final String DEV_PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIJkbc+DmLz0ODPKYt1XM/b+5h0UmWEMV/thfDh2LrwhO";
    /** DEV AND TEST ONLY: its public half (base64 X.509), as {@code interlock.actor.public-key} takes it. */
    public static final String DEV_PUBLIC_KEY = "MCowBQYDK2VwAyEA0zIiv0yCIBtyeEgpqFvvIYqNF0uAxgl6Y6Z6ZJinYOk=";

    /** Whoever writes in a test that does not care who: a prisons team manager. */
    public static final TestActor TESTER = new TestActor("tess.tester", "prisons", null, List.of("team-manager"));

    private static final PrivateKey KEY = ActorKeys.privateKey(DEV_PRIVATE_KEY);
    private static final PrivateKey NOBODYS_KEY = ActorKeys.generate().getPrivate();

    public TestActor {
        roles = List.copyOf(roles);
    }

    public static TestActor of(String username, String agency, String org, String... roles) {
        return new TestActor(username, agency, org, List.of(roles));
    }

    /** A header valid now, for a minute. */
    public String header() {
        return assertion(Instant.now()).sign(KEY);
    }

    /** A header that expired a minute ago. */
    public String expiredHeader() {
        return assertion(Instant.now().minus(ActorAssertion.LIFETIME).minus(Duration.ofMinutes(1))).sign(KEY);
    }

    /** A header in every respect valid, but signed with a key the services do not trust. */
    public String headerSignedWithAnotherKey() {
        return assertion(Instant.now()).sign(NOBODYS_KEY);
    }

    private ActorAssertion assertion(Instant at) {
        return ActorAssertion.issue(username, agency, org, roles, "interlock-cli", UUID.randomUUID().toString(), at);
    }
}
