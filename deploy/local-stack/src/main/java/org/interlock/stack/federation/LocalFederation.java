package org.interlock.stack.federation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.interlock.stack.StackConfig;

/**
 * What {@code up --federation} makes before anything starts: each side's federation key, its trust anchors
 * naming the other side, its policy with the cross-border agreements, and the second realm; and what each
 * side's applications are told. Every file is under the side's own data folder ({@code federation/}); the
 * private keys are owner-only and never leave it.
 */
public final class LocalFederation {

    /** The first deployment's realm file, which the second one's is made from. */
    public static final String FIRST_REALM = "deploy/keycloak/interlock-realm.json";

    private final FederationLayout layout;
    private final Path abroadRealmFile;
    private final Map<String, String> homeGateway;
    private final Map<String, String> abroadGateway;

    private LocalFederation(FederationLayout layout, Path abroadRealmFile, Map<String, String> homeGateway,
            Map<String, String> abroadGateway) {
        this.layout = layout;
        this.abroadRealmFile = abroadRealmFile;
        this.homeGateway = homeGateway;
        this.abroadGateway = abroadGateway;
    }

    public static LocalFederation prepare(FederationLayout layout, Instant now) {
        StackConfig home = layout.home();
        StackConfig abroad = layout.abroad();
        FederationKey homeKey = FederationKey.in(folder(home), now);
        FederationKey abroadKey = FederationKey.in(folder(abroad), now);
        Path homeAnchors = TrustAnchorsFile.write(folder(home), FederationLayout.ABROAD, gatewayUrl(abroad), abroadKey);
        Path abroadAnchors = TrustAnchorsFile.write(folder(abroad), FederationLayout.HOME, gatewayUrl(home), homeKey);
        Path homePolicy = CrossBorderPolicy.write(home.repository(), folder(home).resolve("policy"),
                FederationLayout.HOME, FederationLayout.ABROAD);
        Path abroadPolicy = CrossBorderPolicy.write(home.repository(), folder(abroad).resolve("policy"),
                FederationLayout.ABROAD, FederationLayout.HOME);
        Path realm = PeerRealm.write(home.repository().resolve(FIRST_REALM),
                folder(abroad).resolve(FederationLayout.ABROAD_REALM + "-realm.json"), FederationLayout.ABROAD_REALM,
                FederationLayout.ABROAD, gatewayUrl(abroad));
        return new LocalFederation(layout,
                realm,
                gateway(FederationLayout.HOME, homeKey, homeAnchors, homePolicy),
                gateway(FederationLayout.ABROAD, abroadKey, abroadAnchors, abroadPolicy));
    }

    /** The same federation, each gateway also told {@code more} (a test's shorter retry wait, say). */
    public LocalFederation withGatewayEnvironment(Map<String, String> more) {
        return new LocalFederation(layout, abroadRealmFile, merged(homeGateway, more), merged(abroadGateway, more));
    }

    private static Map<String, String> merged(Map<String, String> env, Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(more);
        return Map.copyOf(all);
    }

    public FederationLayout layout() {
        return layout;
    }

    /** The second deployment's realm, for Keycloak to import beside the first. */
    public Path abroadRealmFile() {
        return abroadRealmFile;
    }

    /** What the first deployment's gateway is told beyond the plain stack's: federation on, as {@code home}. */
    public Map<String, String> homeGatewayEnvironment() {
        return homeGateway;
    }

    /** What the second deployment's gateway is told beyond its realm: federation on, as {@code abroad}. */
    public Map<String, String> abroadGatewayEnvironment() {
        return abroadGateway;
    }

    /**
     * Every application of the second deployment trusts tokens of its own realm only; its gateway also gets its
     * own service tokens and staff directory there. The applications' properties name realm {@code interlock}
     * ({@code %prod}); the environment, read first, overrides that.
     */
    public static Map<String, String> realmEnvironment(String keycloakUrl, String realm, boolean gateway) {
        String issuer = keycloakUrl + "/realms/" + realm;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer);
        if (gateway) {
            env.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", issuer);
            env.put("QUARKUS_OIDC_CLIENT_DIRECTORY_AUTH_SERVER_URL", issuer);
            env.put("INTERLOCK_STAFF_ADMIN_URL", keycloakUrl + "/admin/realms/" + realm);
        }
        return env;
    }

    /** Where one side keeps its federation files. */
    public static Path folder(StackConfig side) {
        return side.dataDirectory().resolve("federation");
    }

    /** A side's gateway as its peer reaches it: on the loopback interface, where {@code http://} is allowed. */
    public static String gatewayUrl(StackConfig side) {
        return "http://127.0.0.1:" + side.gatewayPort();
    }

    private static Map<String, String> gateway(String peerId, FederationKey key, Path anchors, Path policy) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("INTERLOCK_FEDERATION_ENABLED", "true");
        env.put("INTERLOCK_FEDERATION_PEER_ID", peerId);
        env.put("INTERLOCK_FEDERATION_SIGNING_KEY_FILE", key.privateKeyFile().toAbsolutePath().toString());
        env.put("INTERLOCK_FEDERATION_TRUST_ANCHORS", anchors.toAbsolutePath().toString());
        env.put("INTERLOCK_POLICY_DIRECTORY", policy.toAbsolutePath().toString());
        return Map.copyOf(env);
    }
}
