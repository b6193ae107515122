package org.interlock.gateway.federation;

import java.util.HashMap;
import java.util.Map;

/**
 * The federating gateway as the Helm chart runs it: an HTTPS listener for peers under the TLS configuration named
 * federation (home's certificate; trusting nl's, another peer's and an impostor CA's), asking for client
 * certificates (application.properties, fixed at build time), and envelopes refused without one issued to their
 * signer by its issuer. nl's anchor names both.
 */
public class MutualTlsProfile extends FederationProfile {

    static final String NL_GATEWAY = "https://localhost:9";

    /** nl at {@code gateway}, its client certificate issued to nl.peer.test by nl's own CA. */
    static String anchors(String gateway) {
        return FederationKeys.anchors(false, gateway, PeerCertificates.NL_NAME, PeerCertificates.NL_ISSUER);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        FederationProfile.writeAnchors(anchors(NL_GATEWAY));
        config.put("interlock.federation.require-client-certificate", "true");
        config.put("quarkus.tls.federation.key-store.pem.own.cert", PeerCertificates.HOME.certificate().toString());
        config.put("quarkus.tls.federation.key-store.pem.own.key", PeerCertificates.HOME.key().toString());
        config.put("quarkus.tls.federation.trust-store.pem.certs", PeerCertificates.NL.certificate() + ","
                + PeerCertificates.OTHER.certificate() + "," + PeerCertificates.IMPOSTOR.certificate());
        config.put("quarkus.http.tls-configuration-name", "federation");
        config.put("quarkus.http.insecure-requests", "enabled");
        config.put("quarkus.http.test-ssl-port", "0");
        return config;
    }
}
