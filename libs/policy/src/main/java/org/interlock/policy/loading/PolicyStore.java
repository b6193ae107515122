package org.interlock.policy.loading;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;

import org.interlock.policy.language.Policy;

/**
 * Holds the policy in force and replaces it on {@link #reload()}, atomically: a decision sees the
 * old version or the new one, never a mixture. A file that fails to load changes nothing.
 */
public final class PolicyStore {

    private final PolicySource source;
    private final PolicyLoader loader;
    private final AtomicReference<Policy> inForce = new AtomicReference<>();

    public PolicyStore(PolicySource source) {
        this(source, KnownPeers.NONE);
    }

    /** A store whose policy may name the peers {@code peers} anchors as recipients. */
    public PolicyStore(PolicySource source, KnownPeers peers) {
        this.source = source;
        this.loader = new PolicyLoader(peers);
    }

    /** The policy in force; null until the first successful reload (the engine then denies everything). */
    public Policy current() {
        return inForce.get();
    }

    /**
     * Loads the source and puts it in force.
     *
     * @return the policy now in force
     * @throws PolicyException naming file, line and problem; the policy in force is unchanged
     */
    public Policy reload() throws PolicyException {
        return putInForce(load());
    }

    /**
     * Loads the source exactly as {@link #reload()} does, and checks it the same way, without putting it
     * in force: what a reload would do now, to look at first.
     *
     * @throws PolicyException naming file, line and problem
     */
    public PolicyCandidate load() throws PolicyException {
        StringWriter text = new StringWriter();
        try (Reader reader = source.open()) {
            reader.transferTo(text);
        } catch (IOException e) {
            throw new PolicyException(source.name(), 0, "cannot be read: " + e.getMessage());
        }
        return PolicyCandidate.of(loader.load(source.name(), new StringReader(text.toString())), text.toString());
    }

    /** Puts a loaded candidate in force, atomically; returns it. */
    public Policy putInForce(PolicyCandidate candidate) {
        inForce.set(candidate.policy());
        return candidate.policy();
    }
}
