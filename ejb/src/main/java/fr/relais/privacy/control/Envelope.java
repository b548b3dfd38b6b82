package fr.relais.privacy.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with the JDK alone: AES-256-GCM, a random 96-bit IV per value, and associated
 * data binding each ciphertext to where it lives (table, column, row id), so that a value copied to
 * another row or column does not open. A sealed value is {@code base64(iv || ciphertext+tag)}.
 */
public final class Envelope {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Envelope() {}

    /** A fresh AES-256 data key. */
    public static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a value lives: what its ciphertext is bound to. */
    public static String place(String table, String column, long rowId) {
        return table + "/" + column + "/" + rowId;
    }

    public static String seal(SecretKey key, String plain, String place) {
        return Base64.getEncoder().encodeToString(encrypt(key, plain.getBytes(StandardCharsets.UTF_8), place));
    }

    /**
     * @throws SealBroken when the key is not the one that sealed it, the place differs or the value was altered
     */
    public static String open(SecretKey key, String sealed, String place) {
        return new String(decrypt(key, Base64.getDecoder().decode(sealed), place), StandardCharsets.UTF_8);
    }

    /** The data key wrapped by a master key, bound to the data key's owner. */
    public static String wrap(SecretKey master, SecretKey dataKey, String owner) {
        return Base64.getEncoder().encodeToString(encrypt(master, dataKey.getEncoded(), owner));
    }

    public static SecretKey unwrap(SecretKey master, String wrapped, String owner) {
        return new SecretKeySpec(decrypt(master, Base64.getDecoder().decode(wrapped), owner), "AES");
    }

    private static byte[] encrypt(SecretKey key, byte[] plain, String aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] value, String aad) {
        if (value.length <= IV_BYTES) {
            throw new SealBroken();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value, 0, IV_BYTES));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(value, IV_BYTES, value.length - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealBroken();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sealed value that does not open: wrong key, wrong place, or altered. */
    public static final class SealBroken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SealBroken() {
            super("sealed value does not open with this key at this place");
        }
    }
}
