package org.interlock.platform.actor;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC-SHA256 secret of actor assertions, named by its key id ({@code kid}): the secret the
 * gateway shares with one agency service, and with no other. Configuration holds it as base64 of
 * at least {@value #MIN_BYTES} random bytes. {@link #toString()} names the id only, so that a key
 * never reaches a log by accident.
 */
public final class ActorKey {

    /** 256 bits: as long as the MAC itself (RFC 7518 section 3.2 asks no less for HS256). */
    public static final int MIN_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final SecretKeySpec secret;
    /*
     * A Mac holds the state of the message being authenticated, so it is never shared between
     * threads; one per thread, initialised once, measured cheaper than cloning a prototype per call
     * (ADR 0011, amendment).
     */
    private final ThreadLocal<Mac> macs;

    private ActorKey(String id, byte[] secret) {
        this.id = id;
        this.secret = new SecretKeySpec(secret, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * @param id     the key id assertions name in their {@code kid} header parameter
     * @param base64 the secret, base64 (standard or URL alphabet) of at least {@value #MIN_BYTES} bytes
     * @throws IllegalArgumentException saying what is wrong, never quoting the secret
     */
    public static ActorKey of(String id, String base64) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("The actor key id is not 1 to 64 letters, digits, '.', '_' or '-'");
        }
        byte[] secret = decode(base64);
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("The actor key " + id + " is shorter than " + MIN_BYTES + " bytes");
        }
        return new ActorKey(id, secret);
    }

    /** A fresh random secret of {@value #MIN_BYTES} bytes, base64, as {@link #of} takes it. */
    public static String newSecret() {
        byte[] secret = new byte[MIN_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    public String id() {
        return id;
    }

    /** The HMAC-SHA256 of {@code input} under this key. */
    byte[] mac(byte[] input) {
        return macs.get().doFinal(input);
    }

    /** Whether {@code mac} is the MAC of {@code input}, compared in constant time. */
    boolean authenticates(byte[] input, byte[] mac) {
        return MessageDigest.isEqual(mac(input), mac);
    }

    @Override
    public String toString() {
        return "ActorKey[" + id + "]";
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no " + ALGORITHM, e);
        }
    }

    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("No actor key");
        }
        String text = base64.strip();
        try {
            return text.contains("-") || text.contains("_") ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The actor key is not base64");
        }
    }
}
