package org.interlock.gateway.federation;

import java.util.HashMap;
import java.util.Map;

/**
 * The federating gateway as the Helm chart runs it: an HTTPS listener for peers under the TLS configuration named
 * federation (home's certificate; trusting nl's and another peer's), asking for client certificates, and envelopes
 * refused without one issued to their signer. nl's anchor names the name its certificate carries.
 */
public class MutualTlsProfile extends FederationProfile {

    static final String NL_GATEWAY = "https://localhost:9";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        FederationProfile.writeAnchors(FederationKeys.anchors(false, NL_GATEWAY, PeerCertificates.NL_NAME));
        config.put("interlock.federation.require-client-certificate", "true");
        config.put("quarkus.tls.federation.key-store.pem.own.cert", PeerCertificates.HOME.certificate().toString());
        config.put("quarkus.tls.federation.key-store.pem.own.key", PeerCertificates.HOME.key().toString());
        config.put("quarkus.tls.federation.trust-store.pem.certs", PeerCertificates.NL.certificate() + ","
                + PeerCertificates.OTHER.certificate());
        config.put("quarkus.http.tls-configuration-name", "federation");
        config.put("quarkus.http.ssl.client-auth", "request");
        config.put("quarkus.http.insecure-requests", "enabled");
        config.put("quarkus.http.test-ssl-port", "0");
        return config;
    }
}
