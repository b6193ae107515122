package org.interlock.audit.head;

/** The outcome of checking a signed tree head against the published keys. */
public sealed interface HeadCheck {

    /** One line for an auditor. */
    String describe();

    /** Signed by the key with this id, and the signature holds. */
    record Valid(KeyId keyId) implements HeadCheck {
        public String describe() {
            return "signature valid, key " + keyId;
        }
    }

    /** Names a key that is not among the given public keys: another log's head, or a forged one. */
    record UnknownKey(KeyId keyId) implements HeadCheck {
        public String describe() {
            return "signed by key " + keyId + ", which is not a given public key";
        }
    }

    /** Names a known key, but the signature does not verify: the head was altered after signing. */
    record BadSignature(KeyId keyId) implements HeadCheck {
        public String describe() {
            return "the signature does not verify with key " + keyId + ": the tree head was altered";
        }
    }
}
