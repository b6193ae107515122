package org.interlock.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.actor.ActorKey;

/**
 * A member of staff the gateway asserts acts on a write ({@code X-Interlock-Actor}), for tests
 * that call a service as the gateway would: MACed with the committed DEV AND TEST ONLY secret of
 * that service, which it holds in the test profile (its application.properties) and the gateway's
 * test profile holds for it; never a secret of any deployment. Unless a test names the service,
 * the assertion is for the service under test ({@code interlock.actor.audience}, else
 * {@code interlock.agency}, of the running test).
 */
public record TestActor(String username, String agency, String org, List<String> roles) {

    /** DEV AND TEST ONLY: each service's actor secret (base64), key id {@value #DEV_KEY_ID}. */
    public static final Map<String, String> DEV_SECRETS = Map.of(
            "prisons", "n7AzdK7TglkZd1zC2wDV1++oIotqEXfACylJPsd7mEw=",
            "probation", "oMNJ3GKX6jTZSWvHkXZLBRBOEDMgBzVMFSIm7hiI2Rg=",
            "intelligence", "liT88e2znrG1fo+E14v+Qb/8fGrQqLLFww7VxtuFaZA=",
            "partners", "Wek32i4X2MZQOKaM8WLLWDdMIdFuiB32o6rmWrJxcMA=",
            "people", "S1jcS+bSOGyXSIuO1H1ux2XRPoKFTwRjbfwWlgnavBc=");
    /** DEV AND TEST ONLY: the key id of the dev secrets, the default of {@code interlock.actor.key-id}. */
    public static final String DEV_KEY_ID = "1";

    /** Whoever writes in a test that does not care who: a prisons team manager. */
    public static final TestActor TESTER = new TestActor("tess.tester", "prisons", null, List.of("team-manager"));

    public TestActor {
        roles = List.copyOf(roles);
    }

    public static TestActor of(String username, String agency, String org, String... roles) {
        return new TestActor(username, agency, org, List.of(roles));
    }

    /** The dev key the gateway shares with {@code service}. */
    public static ActorKey devKey(String service) {
        return ActorKey.of(DEV_KEY_ID, DEV_SECRETS.get(service));
    }

    /** A header for the service under test, valid now, for a minute. */
    public String header() {
        return header(serviceUnderTest());
    }

    /** A header for {@code service}, valid now, for a minute. */
    public String header(String service) {
        return assertion(service, Instant.now()).sign(devKey(service));
    }

    /** A header that expired a minute ago. */
    public String expiredHeader() {
        String service = serviceUnderTest();
        return assertion(service, Instant.now().minus(ActorAssertion.LIFETIME).minus(Duration.ofMinutes(1)))
                .sign(devKey(service));
    }

    /** A header in every respect valid, but MACed with a secret the services do not hold. */
    public String headerSignedWithAnotherKey() {
        return assertion(serviceUnderTest(), Instant.now()).sign(ActorKey.of(DEV_KEY_ID, ActorKey.newSecret()));
    }

    /** A valid header the gateway made for another service, with that service's key: never valid here. */
    public String headerForAnotherService() {
        return header(anotherService());
    }

    /** A header MACed with the key of the service under test, but naming another service as its audience. */
    public String headerAddressedToAnotherService() {
        return assertion(anotherService(), Instant.now()).sign(devKey(serviceUnderTest()));
    }

    private ActorAssertion assertion(String service, Instant at) {
        return ActorAssertion.issue(username, agency, org, roles, "interlock-cli", service, UUID.randomUUID().toString(),
                at);
    }

    private static String serviceUnderTest() {
        // The person index is no agency: it names itself the audience of its assertions.
        return ConfigProvider.getConfig().getOptionalValue("interlock.actor.audience", String.class)
                .orElseGet(() -> ConfigProvider.getConfig().getValue("interlock.agency", String.class));
    }

    private static String anotherService() {
        return serviceUnderTest().equals("prisons") ? "probation" : "prisons";
    }
}
