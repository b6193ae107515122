package org.interlock.gateway.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.tls.runtime.config.TlsBucketConfig;
import io.quarkus.tls.runtime.config.TlsConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart configures the federation TLS configuration by environment variables alone; a named configuration
 * is a map key in Quarkus's TLS mapping, so this proves the names the chart sets (helm/interlock, deployment.yaml)
 * reach {@code quarkus.tls.federation.*} as the gateway reads it. The certificate pair is named {@code own}: a
 * numeric name ({@code PEM_0_CERT}) is not read back from the environment at all, which this test found.
 */
class FederationTlsEnvironmentTest {

    @Test
    void theChartsEnvironmentVariablesMakeTheTlsConfigurationNamedFederation() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TlsConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new EnvConfigSource(Map.of(
                        "QUARKUS_TLS_FEDERATION_KEY_STORE_PEM_OWN_CERT", "/etc/interlock/federation/tls/tls.crt",
                        "QUARKUS_TLS_FEDERATION_KEY_STORE_PEM_OWN_KEY", "/etc/interlock/federation/tls/tls.key",
                        "QUARKUS_TLS_FEDERATION_TRUST_STORE_PEM_CERTS", "/etc/interlock/federation/peer-cas/ca.crt",
                        "QUARKUS_TLS_FEDERATION_RELOAD_PERIOD", "1h"), 300))
                .build();

        TlsBucketConfig federation = config.getConfigMapping(TlsConfig.class).namedCertificateConfig()
                .get(Federation.TLS_CONFIGURATION);

        var pair = federation.keyStore().orElseThrow().pem().orElseThrow().keyCerts().get("own");
        assertEquals(Path.of("/etc/interlock/federation/tls/tls.crt"), pair.cert());
        assertEquals(Path.of("/etc/interlock/federation/tls/tls.key"), pair.key());
        assertEquals(List.of(Path.of("/etc/interlock/federation/peer-cas/ca.crt")),
                federation.trustStore().orElseThrow().pem().orElseThrow().certs().orElseThrow());
        assertEquals(Duration.ofHours(1), federation.reloadPeriod().orElseThrow());
    }
}
