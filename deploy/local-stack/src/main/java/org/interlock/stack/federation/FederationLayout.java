package org.interlock.stack.federation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.interlock.stack.StackConfig;

/**
 * {@code deploy/stack up --federation}: a second Interlock deployment beside the first, as another country's
 * would run — its own data folder ({@code abroad/} under the first's), ports, PostgreSQL, Kafka node, realm (in
 * the one Keycloak), keys, audit log and policy — the two anchored to each other as peers {@value #HOME} and
 * {@value #ABROAD}. Off unless {@code INTERLOCK_STACK_FEDERATION=true} (what {@code --federation} sets).
 *
 * @param portOffset what is added to each of the first deployment's ports to make the second's
 */
public record FederationLayout(StackConfig home, StackConfig abroad, int portOffset) {

    /** The first deployment's peer id, as the second anchors it. */
    public static final String HOME = "home";
    /** The second deployment's peer id, and the name of its data folder. */
    public static final String ABROAD = "abroad";
    /** The second deployment's realm; the first keeps {@code interlock}. */
    public static final String ABROAD_REALM = "interlock-abroad";
    static final int DEFAULT_PORT_OFFSET = 200;

    public static Optional<FederationLayout> from(Map<String, String> env, StackConfig home) {
        if (!"true".equals(env.get("INTERLOCK_STACK_FEDERATION"))) {
            return Optional.empty();
        }
        int offset = offset(env.get("INTERLOCK_STACK_FEDERATION_PORT_OFFSET"));
        // A subset for a lighter second deployment, as INTERLOCK_STACK_APPS is for the first; default all.
        List<String> apps = Arrays.stream(env.getOrDefault("INTERLOCK_STACK_FEDERATION_APPS", "").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        FederationLayout layout = new FederationLayout(home, home.besideAt(ABROAD, offset, apps), offset);
        layout.check();
        return Optional.of(layout);
    }

    /** The component name of one of the second deployment's servers ({@code abroad-gateway}). */
    public static String abroad(String component) {
        return ABROAD + "-" + component;
    }

    /**
     * Fails before anything starts if two servers would listen on one port (the offset lands the second
     * deployment on a port of the first) or the second has no gateway to federate with.
     */
    void check() {
        if (!home.runs("gateway") || !abroad.runs("gateway")) {
            throw new IllegalArgumentException("--federation federates the two gateways: neither INTERLOCK_STACK_APPS"
                    + " nor INTERLOCK_STACK_FEDERATION_APPS may leave the gateway out");
        }
        Map<Integer, String> taken = new HashMap<>();
        home.ports().forEach((name, port) -> claim(taken, port, name));
        abroad.ports().forEach((name, port) -> {
            if (!name.startsWith("keycloak")) { // one Keycloak serves both realms
                claim(taken, port, abroad(name));
            }
        });
    }

    private static void claim(Map<Integer, String> taken, int port, String name) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " would listen on port " + port
                    + ": choose another INTERLOCK_STACK_FEDERATION_PORT_OFFSET");
        }
        String other = taken.putIfAbsent(port, name);
        if (other != null) {
            throw new IllegalArgumentException(name + " and " + other + " would both listen on port " + port
                    + ": choose another INTERLOCK_STACK_FEDERATION_PORT_OFFSET");
        }
    }

    private static int offset(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT_OFFSET;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("INTERLOCK_STACK_FEDERATION_PORT_OFFSET must be a whole number, not '"
                    + value + "'");
        }
    }
}
