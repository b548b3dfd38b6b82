package fr.relais.directory.entity;

import fr.relais.shared.Platform;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A person who signs in. Belongs to one platform or one unit, never both: every query is scoped by
 * it. The password is stored only as a PBKDF2 hash (Jakarta Security's format).
 */
@Entity
@Table(name = "app_user")
public class AppUser {
    @Id
    @Column(length = 60)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 300)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Platform platform;

    @Column(name = "unit_code", length = 40)
    private String unitCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role", length = 30)
    private Set<String> roles = new HashSet<>();

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    protected AppUser() {}

    public AppUser(
            String username,
            String passwordHash,
            String displayName,
            Platform platform,
            String unitCode,
            Set<String> roles) {
        if ((platform == null) == (unitCode == null) && !roles.contains("AUDITOR") && !roles.contains("ADMIN")) {
            throw new IllegalArgumentException("a user belongs to one platform or one unit");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.platform = platform;
        this.unitCode = unitCode;
        this.roles = new HashSet<>(roles);
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Platform platform() {
        return platform;
    }

    public String unitCode() {
        return unitCode;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public boolean enabled() {
        return enabled;
    }

    /** A disabled account can no longer sign in; its tokens are revoked by the caller. */
    public void disable(Instant now) {
        enabled = false;
        disabledAt = now;
    }

    /** The account may sign in again, with the password it had. */
    public void enable() {
        enabled = true;
        disabledAt = null;
    }

    /** Marks an account made by an administrator. */
    public void createdAt(Instant now) {
        createdAt = now;
    }

    /**
     * Sets a new password hash. A password set by an administrator (creation, reset) must be changed
     * by its user at the next sign-in; one the user chose need not.
     */
    public void changePassword(String hash, boolean chosenByUser, Instant now) {
        passwordHash = hash;
        mustChangePassword = !chosenByUser;
        passwordChangedAt = now;
    }

    /** Replaces the roles and the scope (one platform, or one unit, or neither for auditors and admins). */
    public void assign(Set<String> newRoles, Platform newPlatform, String newUnitCode) {
        roles = new HashSet<>(newRoles);
        platform = newPlatform;
        unitCode = newUnitCode;
    }

    public void rename(String newDisplayName) {
        displayName = newDisplayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant disabledAt() {
        return disabledAt;
    }
}
