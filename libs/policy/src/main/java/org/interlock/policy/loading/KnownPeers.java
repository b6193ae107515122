package org.interlock.policy.loading;

/**
 * The federation peers a policy may name as recipients ({@code to: federation:<peer>}): those of the deployment's
 * trust anchors. The policy core does not read the anchors itself; the gateway hands them over.
 */
@FunctionalInterface
public interface KnownPeers {

    /** A deployment that federates with nobody: every {@code federation:<peer>} is a load error. */
    KnownPeers NONE = peer -> false;

    boolean anchored(String peer);
}
