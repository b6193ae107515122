package org.interlock.gateway.audit.sealing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.audit.head.TreeHeadSigner;

/**
 * The log's Ed25519 signing key, from {@code interlock.audit.signing-key} (in production the
 * Secret behind INTERLOCK_AUDIT_SIGNING_KEY). There is no default outside dev and test: a gateway
 * without its key does not start, rather than publish heads nobody can check.
 */
@ApplicationScoped
public class SigningKey {

    @Produces
    @ApplicationScoped
    TreeHeadSigner signer(@ConfigProperty(name = "interlock.audit.signing-key") String privateKey) {
        return TreeHeadSigner.fromConfig(privateKey);
    }
}
