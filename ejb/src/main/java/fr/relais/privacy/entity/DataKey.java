package fr.relais.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The data key of a report or a conversation, kept only wrapped by a master key ({@link #keyId}).
 * Destroyed at retention: the wrapped key is erased, and every value it sealed, wherever a copy is,
 * no longer opens (crypto-shredding).
 */
@Entity
@Table(name = "data_key")
@NamedQuery(name = DataKey.OF_OWNER, query = "select k from DataKey k where k.ownerKind = :kind and k.ownerId = :owner")
@NamedQuery(
        name = DataKey.WRAPPED_BY_OTHER_THAN,
        query = "select k from DataKey k where k.destroyedAt is null and k.keyId <> :keyId order by k.id")
public class DataKey {
    public static final String OF_OWNER = "DataKey.ofOwner";
    public static final String WRAPPED_BY_OTHER_THAN = "DataKey.wrappedByOtherThan";

    public enum Owner {
        REPORT,
        CHAT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false, length = 10)
    private Owner ownerKind;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "key_id", length = 40)
    private String keyId;

    @Column(name = "wrapped_key", length = 200)
    private String wrappedKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "destroyed_at")
    private Instant destroyedAt;

    @Version
    private long version;

    protected DataKey() {}

    public DataKey(Owner ownerKind, long ownerId, String keyId, String wrappedKey, Instant now) {
        this.ownerKind = ownerKind;
        this.ownerId = ownerId;
        this.keyId = keyId;
        this.wrappedKey = wrappedKey;
        this.createdAt = now;
    }

    /** What the wrapping is bound to: a wrapped key copied to another owner does not unwrap. */
    public static String owner(Owner kind, long id) {
        return "data_key/" + kind.name() + "/" + id;
    }

    public String owner() {
        return owner(ownerKind, ownerId);
    }

    public void rewrap(String keyId, String wrappedKey) {
        this.keyId = keyId;
        this.wrappedKey = wrappedKey;
    }

    /** Crypto-shredding: the wrapped key is gone for good. */
    public void destroy(Instant now) {
        this.wrappedKey = null;
        this.keyId = null;
        if (destroyedAt == null) {
            this.destroyedAt = now;
        }
    }

    public boolean destroyed() {
        return destroyedAt != null;
    }

    public String keyId() {
        return keyId;
    }

    public String wrappedKey() {
        return wrappedKey;
    }

    public Owner ownerKind() {
        return ownerKind;
    }

    public long ownerId() {
        return ownerId;
    }
}
