package org.interlock.gateway.federation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import io.smallrye.certs.Pkcs12CertificateFiles;

/**
 * TEST ONLY: self-signed TLS certificates made once per test run (nothing committed), each its own CA, for mutual TLS
 * between this gateway ("home") and peers: home's (server and client, issued to localhost), nl's (issued to
 * nl.peer.test, and to localhost so that it can serve a stand-in peer), another peer's that home trusts but that is
 * not nl's, an impostor's that home trusts and that says nl.peer.test but is another CA's, and a stranger's that
 * nobody trusts, though it too says nl.peer.test.
 */
final class PeerCertificates {

    // Before the parties: static fields are set in the order written.
    private static final Path DIR = Path.of("target", "federation-tls").toAbsolutePath();
    private static final String PASSWORD = "test-only";
    static final String NL_NAME = "nl.peer.test";
    /** The issuer of nl's certificate, as nl's anchor names it (self-signed: its own subject). */
    static final String NL_ISSUER = "CN=" + NL_NAME;
    static final Party HOME = make("home", "localhost", "localhost");
    static final Party NL = make("nl", NL_NAME, NL_NAME, "localhost");
    static final Party OTHER = make("other", "other.peer.test", "other.peer.test");
    static final Party IMPOSTOR = make("impostor", "impostor-ca.peer.test", NL_NAME);
    static final Party STRANGER = make("stranger", NL_NAME, NL_NAME);

    private PeerCertificates() {
    }

    /** One party's certificate and key as PEM files, and the same in a PKCS#12 key store for a JDK client. */
    record Party(Path certificate, Path key, Path keyStore) {

        /** A TLS context presenting this party's certificate and trusting only {@code trusted}'s. */
        SSLContext context(Party... trusted) {
            try {
                KeyStore own = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keyStore)) {
                    own.load(in, PASSWORD.toCharArray());
                }
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(own, PASSWORD.toCharArray());
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore(trusted));
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
                return context;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A TLS context presenting no certificate, trusting only {@code trusted}'s. */
        static SSLContext anonymous(Party... trusted) {
            try {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore(trusted));
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return context;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static KeyStore trustStore(Party... trusted) throws IOException, GeneralSecurityException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < trusted.length; i++) {
                try (InputStream in = Files.newInputStream(trusted[i].certificate())) {
                    Certificate certificate = x509.generateCertificate(in);
                    store.setCertificateEntry("trusted-" + i, certificate);
                }
            }
            return store;
        }
    }

    private static Party make(String name, String commonName, String... dnsNames) {
        CertificateRequest request = new CertificateRequest().withName(name).withCN(commonName)
                .withFormats(List.of(Format.PEM, Format.PKCS12)).withPassword(PASSWORD);
        for (String dns : dnsNames) {
            request.withSubjectAlternativeName("DNS:" + dns);
        }
        try {
            Files.createDirectories(DIR);
            List<?> files = new CertificateGenerator(DIR, true).generate(request);
            PemCertificateFiles pem = files.stream().filter(PemCertificateFiles.class::isInstance)
                    .map(PemCertificateFiles.class::cast).findFirst().orElseThrow();
            Pkcs12CertificateFiles p12 = files.stream().filter(Pkcs12CertificateFiles.class::isInstance)
                    .map(Pkcs12CertificateFiles.class::cast).findFirst().orElseThrow();
            return new Party(pem.certFile(), pem.keyFile(), p12.keyStoreFile());
        } catch (Exception e) {
            throw new IllegalStateException("test certificates for " + name + " not made", e);
        }
    }
}
