package fr.relais.forwarding.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A unit's own system: the URL its reports are delivered to and the secret both sides share to sign
 * them. The secret never leaves the server (no API returns it); only signatures made with it do.
 */
@Entity
@Table(name = "unit_endpoint")
public class UnitEndpoint {
    @Id
    @Column(name = "unit_code", length = 40)
    private String unitCode;

    @Column(nullable = false, length = 500)
    private String url;

    @Column(nullable = false, length = 200)
    private String secret;

    @Column(name = "updated_by", nullable = false, length = 60)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected UnitEndpoint() {}

    public UnitEndpoint(String unitCode, String url, String secret, String by, Instant now) {
        this.unitCode = unitCode;
        change(url, secret, by, now);
    }

    /** A new URL, and a new secret when one is given (else the current one is kept). */
    public void change(String url, String secret, String by, Instant now) {
        this.url = url;
        if (secret != null) {
            this.secret = secret;
        }
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public String unitCode() {
        return unitCode;
    }

    public String url() {
        return url;
    }

    public String secret() {
        return secret;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
