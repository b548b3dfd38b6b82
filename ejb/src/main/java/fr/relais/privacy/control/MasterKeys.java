package fr.relais.privacy.control;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys from configuration: {@code RELAIS_MASTER_KEYS} = {@code id1:base64key,id2:base64key}
 * (AES-256, 32 bytes each), {@code RELAIS_MASTER_KEY_ID} the one new wraps use. Older ids stay to unwrap
 * what they wrapped until an administrator rewraps.
 */
public final class MasterKeys {
    /**
     * The demo master key, public on purpose: used only in demo mode ({@code RELAIS_DEMO=true}) when no
     * key is configured. Anything it wraps is readable by anyone who reads this source.
     */
    public static final String DEMO_ID = "demo";

    private static final String DEMO_KEY = "UmVsYWlzIGRlbW8gbWFzdGVyIGtleSwgbm90IHNlY3I=";

    private final Map<String, SecretKey> keys;
    private final String currentId;

    private MasterKeys(Map<String, SecretKey> keys, String currentId) {
        this.keys = keys;
        this.currentId = currentId;
    }

    /**
     * @param spec {@code id:base64,…}; blank when none is configured
     * @param current the id new wraps use; blank for the only (or first) key
     * @param demo whether the demo key may stand in for a missing configuration
     * @throws IllegalArgumentException when the configuration is malformed, or missing outside a demo
     */
    public static MasterKeys parse(String spec, String current, boolean demo) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            if (!demo) {
                throw new IllegalArgumentException("RELAIS_MASTER_KEYS is not set: originals cannot be sealed");
            }
            keys.put(DEMO_ID, key(DEMO_ID, DEMO_KEY));
        } else {
            for (String entry : spec.split(",")) {
                String e = entry.strip();
                int colon = e.indexOf(':');
                if (colon <= 0 || colon == e.length() - 1) {
                    throw new IllegalArgumentException(
                            "RELAIS_MASTER_KEYS: expected id:base64key, got an entry without ':'");
                }
                String id = e.substring(0, colon).strip();
                if (id.length() > 40
                        || keys.putIfAbsent(id, key(id, e.substring(colon + 1).strip())) != null) {
                    throw new IllegalArgumentException("RELAIS_MASTER_KEYS: duplicate or too long id " + id);
                }
            }
        }
        String chosen =
                current == null || current.isBlank() ? keys.keySet().iterator().next() : current.strip();
        if (!keys.containsKey(chosen)) {
            throw new IllegalArgumentException("RELAIS_MASTER_KEY_ID " + chosen + " is not in RELAIS_MASTER_KEYS");
        }
        return new MasterKeys(Map.copyOf(keys), chosen);
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("RELAIS_MASTER_KEYS: key " + id + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("RELAIS_MASTER_KEYS: key " + id + " is not 32 bytes (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String currentId() {
        return currentId;
    }

    public SecretKey current() {
        return keys.get(currentId);
    }

    public Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }
}
