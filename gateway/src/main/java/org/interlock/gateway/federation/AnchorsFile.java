package org.interlock.gateway.federation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import org.interlock.federation.trust.TrustAnchorLoader;
import org.interlock.federation.trust.TrustAnchors;
import org.interlock.policy.loading.PolicyException;
import org.jboss.logging.Logger;

/**
 * The trust anchors as the file says now: read at start (an unreadable file stops the start), and read again
 * whenever the file's modification time or size changes, so that an operator's revocation acts on the very next
 * envelope. A changed file that does not load leaves the anchors in force as they were, and says so in the log.
 */
public final class AnchorsFile {

    private static final Logger LOG = Logger.getLogger(AnchorsFile.class);

    private final Path file;
    private final TrustAnchorLoader loader = new TrustAnchorLoader();
    private TrustAnchors current;
    private Stamp loaded;

    private record Stamp(FileTime modified, long size) {
    }

    /** @throws PolicyException naming file and line, or line 0 when the file cannot be read */
    AnchorsFile(Path file) throws PolicyException {
        this.file = file;
        this.loaded = stamp();
        this.current = load();
    }

    /** The anchors in force, re-read first if the file changed. */
    public synchronized TrustAnchors current() {
        Stamp now;
        try {
            now = stamp();
        } catch (PolicyException e) {
            LOG.errorf("Trust anchors file %s cannot be read; the anchors in force stay: %s", file, e.getMessage());
            return current;
        }
        if (!now.equals(loaded)) {
            loaded = now;
            try {
                current = load();
                LOG.infof("Trust anchors reloaded from %s: %d peers", file, current.peers().size());
            } catch (PolicyException e) {
                LOG.errorf("Trust anchors not reloaded, the anchors in force stay: %s", e.getMessage());
            }
        }
        return current;
    }

    private TrustAnchors load() throws PolicyException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return loader.load(file.toString(), reader);
        } catch (IOException e) {
            throw new PolicyException(file.toString(), 0, "cannot be read: " + e.getMessage());
        }
    }

    private Stamp stamp() throws PolicyException {
        try {
            // One stat for both: the exchange asks for every event about a person while federation is on.
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            throw new PolicyException(file.toString(), 0, "cannot be read: " + e.getMessage());
        }
    }
}
