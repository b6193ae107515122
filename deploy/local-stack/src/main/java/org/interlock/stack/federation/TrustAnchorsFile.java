package org.interlock.stack.federation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trust anchors file of one side of the local federation: the other side as its only peer, with its gateway
 * on the loopback interface (the one place {@code http://} is allowed) and its federation key. Written afresh at
 * every start from the keys as they are, in the format {@code TrustAnchorLoader} reads (libs/federation).
 */
public final class TrustAnchorsFile {

    static final String FILE = "trust-anchors.yaml";

    private TrustAnchorsFile() {
    }

    /** Writes {@code folder/trust-anchors.yaml} naming {@code peerId} and returns its path. */
    public static Path write(Path folder, String peerId, String gatewayUrl, FederationKey peerKey) {
        String text = """
                # Written by the local stack at every start (deploy/stack up --federation): edits last until the
                # next start. The gateway re-reads it when it changes, so "revoked: true" acts on the next envelope.
                version: 1
                peers:
                  - id: %s
                    gateway: %s
                    keys:
                      - publicKey: %s
                        notBefore: %s
                        notAfter: %s
                """.formatted(peerId, gatewayUrl, peerKey.publicKey(), peerKey.notBefore(), peerKey.notAfter());
        Path file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the trust anchors file " + file, e);
        }
    }
}
