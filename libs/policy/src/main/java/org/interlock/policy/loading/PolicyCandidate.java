package org.interlock.policy.loading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.interlock.policy.language.Policy;

/**
 * A policy file as loaded, not (yet) in force, with the SHA-256 of the text it was loaded from: a
 * reload that names the digest of the candidate it previewed puts in force that text or nothing,
 * whatever its {@code version:} line says.
 *
 * @param policy the policy the file holds
 * @param digest {@code sha256:<hex>} of the file's text (UTF-8)
 */
public record PolicyCandidate(Policy policy, String digest) {

    static PolicyCandidate of(Policy policy, String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new PolicyCandidate(policy, "sha256:" + HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
