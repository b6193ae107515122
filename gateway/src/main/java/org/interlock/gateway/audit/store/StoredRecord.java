package org.interlock.gateway.audit.store;

import org.interlock.audit.merkle.NodeHash;

/**
 * One row of the log as stored: its leaf index, its canonical bytes (the Merkle leaf) and the leaf
 * hash stored beside them. The two are not trusted to agree: proofs and exports check.
 */
public record StoredRecord(long sequence, byte[] leaf, NodeHash leafHash) {
}
