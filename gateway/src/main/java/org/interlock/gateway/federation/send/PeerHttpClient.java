package org.interlock.gateway.federation.send;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.Startup;
import io.quarkus.tls.CertificateUpdatedEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import org.interlock.gateway.federation.Federation;
import org.jboss.logging.Logger;

/**
 * How the outbox reaches peers' gateways. With the TLS configuration {@link Federation#TLS_CONFIGURATION} (ADR 0021,
 * mutual TLS), its key store is this deployment's client certificate and its trust store the peers' CAs, and the
 * JDK client checks the peer's host name as always; without one, the JDK's defaults (the local stack's peers speak
 * plain HTTP on loopback). A configuration that trusts every certificate is refused at start: the peer's certificate
 * is what says the envelope reached the peer. Built again when the registry reloads that configuration's files.
 */
@ApplicationScoped
@Startup
public class PeerHttpClient {

    private static final String TLS_CONFIGURATION = Federation.TLS_CONFIGURATION;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(PeerHttpClient.class);

    private volatile HttpClient client;

    public PeerHttpClient(TlsConfigurationRegistry registry) {
        this.client = build(registry.get(TLS_CONFIGURATION));
    }

    void reloaded(@Observes CertificateUpdatedEvent updated) {
        if (TLS_CONFIGURATION.equals(updated.name())) {
            client = build(Optional.of(updated.tlsConfiguration()));
            LOG.info("Federation TLS certificates reloaded; the outbox uses them from its next attempt");
        }
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient build(Optional<TlsConfiguration> tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        tls.ifPresent(configuration -> builder.sslContext(sslContext(configuration)));
        return builder.build();
    }

    private static SSLContext sslContext(TlsConfiguration configuration) {
        if (configuration.isTrustAll()) {
            throw new IllegalStateException("quarkus.tls." + TLS_CONFIGURATION
                    + ".trust-all is set: peers' certificates must be checked against their CAs");
        }
        try {
            return configuration.createSSLContext();
        } catch (Exception e) {
            throw new IllegalStateException("The TLS configuration '" + TLS_CONFIGURATION + "' cannot be used: "
                    + e.getMessage(), e);
        }
    }
}
