package org.interlock.gateway.federation.receive;

import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

import io.vertx.core.http.HttpServerRequest;

/**
 * The TLS client certificate a peer's gateway presented: the names it carries (its DNS subjectAltNames, or its
 * subject CN when it has no subjectAltName at all: RFC 6125's rule for the server side, applied to the client) and
 * its issuer. Only a certificate the server's trust store verified in the handshake is ever seen here: with
 * {@code quarkus.http.ssl.client-auth=request} an untrusted one ends the handshake, so a request that reaches the
 * resource has a verified certificate or none, and its issuer is the trusted CA whose key its signature verified.
 */
public record ClientCertificate(Set<String> names, X500Principal issuer) {

    private static final int DNS_NAME = 2;

    public ClientCertificate {
        names = Set.copyOf(names);
    }

    /** The request's verified client certificate; none over plain HTTP or when the peer presented none. */
    public static Optional<ClientCertificate> of(HttpServerRequest request) {
        SSLSession session = request.isSSL() ? request.sslSession() : null;
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf
                    ? Optional.of(new ClientCertificate(names(leaf), leaf.getIssuerX500Principal())) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    /** Whether the certificate was issued to {@code name} (DNS names compare without regard to case). */
    public boolean carries(String name) {
        return names.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code issuer} signed it (X.500 names compare in their canonical form). */
    public boolean issuedBy(X500Principal issuer) {
        return this.issuer.equals(issuer);
    }

    static Set<String> names(X509Certificate certificate) {
        Collection<List<?>> altNames = subjectAltNames(certificate);
        if (altNames.isEmpty()) {
            return commonName(certificate).map(Set::of).orElse(Set.of());
        }
        // With subjectAltNames the CN is never a name, even when none of them is a DNS name.
        return altNames.stream().filter(entry -> entry.get(0) instanceof Integer type && type == DNS_NAME)
                .map(entry -> ((String) entry.get(1)).toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static Collection<List<?>> subjectAltNames(X509Certificate certificate) {
        try {
            Collection<List<?>> altNames = certificate.getSubjectAlternativeNames();
            return altNames == null ? List.of() : altNames;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        try {
            List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
            // LdapName lists RDNs right to left; the most specific CN is the leftmost, so the first of the reversed list.
            return rdns.reversed().stream().filter(rdn -> "CN".equalsIgnoreCase(rdn.getType()))
                    .map(rdn -> rdn.getValue().toString().toLowerCase(Locale.ROOT)).findFirst();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
