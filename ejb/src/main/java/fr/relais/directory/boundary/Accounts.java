package fr.relais.directory.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.control.PasswordRules;
import fr.relais.directory.control.Revocations;
import fr.relais.directory.entity.AppUser;
import fr.relais.directory.entity.Unit;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accounts, managed by administrators: create, change roles and scope, disable (tokens and sessions
 * refused at once, conversations and steps handed back to their queues), re-enable, reset a password
 * (a temporary one its user must change at the next sign-in); and every user's change of their own
 * password. Every change is recorded by the caller (security events).
 */
@Stateless
public class Accounts {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    public static final int MAX_DISPLAY_NAME = 120;

    /** What an administrator sees of an account (never its hash). */
    public record Account(
            String username,
            String displayName,
            Set<String> roles,
            Platform platform,
            String unitCode,
            boolean enabled,
            boolean mustChangePassword,
            Instant createdAt,
            Instant passwordChangedAt,
            Instant disabledAt)
            implements Serializable {
        static Account of(AppUser user) {
            return new Account(
                    user.username(),
                    user.displayName(),
                    user.roles(),
                    user.platform(),
                    user.unitCode(),
                    user.enabled(),
                    user.mustChangePassword(),
                    user.createdAt(),
                    user.passwordChangedAt(),
                    user.disabledAt());
        }
    }

    /** What an administrator asks for: roles and scope; the display name. */
    public record Profile(String displayName, Set<String> roles, Platform platform, String unitCode) {}

    /** An account with the temporary password to hand over once (never stored in clear). */
    public record Issued(Account account, String temporaryPassword) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Revocations revocations;

    @Inject
    Event<AccountEvent> events;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail trail;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void init() {
        passwordHash.initialize(PasswordPolicy.parameters());
    }

    @RolesAllowed(Role.ADMIN)
    public List<Account> list() {
        return em.createQuery("select u from AppUser u", AppUser.class).getResultList().stream()
                .sorted(Comparator.comparing(AppUser::username))
                .map(Account::of)
                .toList();
    }

    @RolesAllowed(Role.ADMIN)
    public Account get(String username) {
        return Account.of(find(username, false));
    }

    /**
     * Creates an account with a temporary password its user changes at the first sign-in.
     *
     * @throws DomainException 400 for a bad name or profile, 409 {@code username_taken}
     */
    @RolesAllowed(Role.ADMIN)
    public Issued create(String username, Profile profile) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw DomainException.invalid(
                    "invalid_username",
                    "Identifiant invalide : 3 à 60 caractères parmi minuscules, chiffres, point, tiret et tiret bas,"
                            + " commençant par une lettre ou un chiffre.");
        }
        Profile checked = checked(profile);
        if (em.find(AppUser.class, name) != null) {
            throw DomainException.conflict("username_taken", "Cet identifiant existe déjà.");
        }
        String temporary = PasswordRules.temporary();
        AppUser user = new AppUser(
                name,
                passwordHash.generate(temporary.toCharArray()),
                checked.displayName(),
                checked.platform(),
                checked.unitCode(),
                checked.roles());
        Instant now = clock.instant();
        user.createdAt(now);
        user.changePassword(user.passwordHash(), false, now);
        em.persist(user);
        em.flush();
        trail.record(Chain.admin(), "account_created", profileFields(user));
        return new Issued(Account.of(user), temporary);
    }

    /**
     * Replaces an account's display name, roles and scope; its tokens and sessions end (they carry the
     * former roles).
     */
    @RolesAllowed(Role.ADMIN)
    public Account update(String username, Profile profile) {
        Profile checked = checked(profile);
        AppUser user = find(username, true);
        boolean rightsChanged = !user.roles().equals(checked.roles())
                || user.platform() != checked.platform()
                || !java.util.Objects.equals(user.unitCode(), checked.unitCode());
        if (rightsChanged && isCaller(username) && !checked.roles().contains(Role.ADMIN)) {
            throw DomainException.conflict(
                    "own_admin_role", "Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
        }
        user.rename(checked.displayName());
        user.assign(checked.roles(), checked.platform(), checked.unitCode());
        if (rightsChanged) {
            revocations.revoke(user.username());
        }
        trail.record(Chain.admin(), "account_updated", profileFields(user));
        return Account.of(user);
    }

    /**
     * Disables an account: it can no longer sign in, its tokens and sessions are refused at once on
     * every instance, and what it held goes back to the queues ({@link AccountEvent.Disabled}).
     *
     * @throws DomainException 409 {@code own_account} for the caller's own account
     */
    @RolesAllowed(Role.ADMIN)
    public Account disable(String username) {
        AppUser user = find(username, true);
        String by = session.getCallerPrincipal().getName();
        if (isCaller(user.username())) {
            throw DomainException.conflict("own_account", "Vous ne pouvez pas désactiver votre propre compte.");
        }
        if (user.enabled()) {
            user.disable(clock.instant());
            events.fire(new AccountEvent.Disabled(user.username(), by));
            trail.record(Chain.admin(), "account_disabled", java.util.Map.of("username", user.username()));
        }
        revocations.revoke(user.username());
        return Account.of(user);
    }

    @RolesAllowed(Role.ADMIN)
    public Account enable(String username) {
        AppUser user = find(username, true);
        if (!user.enabled()) {
            user.enable();
            trail.record(Chain.admin(), "account_enabled", java.util.Map.of("username", user.username()));
        }
        return Account.of(user);
    }

    /** Gives the account a temporary password its user must change at the next sign-in; its tokens and sessions end. */
    @RolesAllowed(Role.ADMIN)
    public Issued resetPassword(String username) {
        AppUser user = find(username, true);
        String temporary = PasswordRules.temporary();
        user.changePassword(passwordHash.generate(temporary.toCharArray()), false, clock.instant());
        revocations.revoke(user.username());
        trail.record(Chain.admin(), "password_reset", java.util.Map.of("username", user.username()));
        return new Issued(Account.of(user), temporary);
    }

    /**
     * The caller changes their own password, giving the current one. Every token and session of the
     * account issued before ends (the caller signs in again with the new one).
     *
     * @throws DomainException 400 {@code wrong_password} or {@code weak_password}
     */
    @PermitAll
    public void changeOwnPassword(String username, String current, String next) {
        AppUser user = find(username, true);
        if (current == null || !passwordHash.verify(current.toCharArray(), user.passwordHash())) {
            throw DomainException.invalid("wrong_password", "Le mot de passe actuel est incorrect.");
        }
        PasswordRules.check(user.username(), next);
        if (next.equals(current)) {
            throw DomainException.invalid("weak_password", "Le nouveau mot de passe doit être différent de l'actuel.");
        }
        user.changePassword(passwordHash.generate(next.toCharArray()), true, clock.instant());
        revocations.revoke(user.username());
        trail.record(
                Chain.user(user.username(), null), "password_changed", java.util.Map.of("username", user.username()));
    }

    /** What an account event records: never a password or its hash. */
    private static java.util.Map<String, Object> profileFields(AppUser user) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("username", user.username());
        fields.put("roles", new java.util.TreeSet<>(user.roles()).toString());
        fields.put("platform", user.platform() == null ? null : user.platform().name());
        fields.put("unit", user.unitCode());
        return fields;
    }

    private boolean isCaller(String username) {
        return session.getCallerPrincipal() != null
                && session.getCallerPrincipal().getName().equals(username);
    }

    private AppUser find(String username, boolean lock) {
        AppUser user = username == null
                ? null
                : lock
                        ? em.find(AppUser.class, username.strip(), LockModeType.PESSIMISTIC_WRITE)
                        : em.find(AppUser.class, username.strip());
        if (user == null) {
            throw DomainException.notFound("unknown_user", "Utilisateur inconnu.");
        }
        return user;
    }

    /**
     * A profile whose roles and scope hold together: platform roles (operator, psychologist,
     * supervisor) need a platform and no unit; a unit agent needs a unit of the directory and no
     * platform; auditors and administrators may have neither; never a platform and a unit at once.
     */
    Profile checked(Profile profile) {
        if (profile == null) {
            throw DomainException.invalid("invalid_profile", "Profil manquant.");
        }
        String displayName =
                profile.displayName() == null ? "" : profile.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            throw DomainException.invalid(
                    "invalid_display_name", "Nom affiché requis (" + MAX_DISPLAY_NAME + " caractères au plus).");
        }
        Set<String> roles = profile.roles() == null ? Set.of() : new HashSet<>(profile.roles());
        if (roles.isEmpty() || !Role.ALL.containsAll(roles)) {
            throw DomainException.invalid(
                    "invalid_roles",
                    "Rôles requis, parmi OPERATOR, PSYCHOLOGIST, SUPERVISOR, UNIT_AGENT, AUDITOR, ADMIN.");
        }
        boolean platformRole =
                roles.contains(Role.OPERATOR) || roles.contains(Role.PSYCHOLOGIST) || roles.contains(Role.SUPERVISOR);
        boolean unitRole = roles.contains(Role.UNIT_AGENT);
        String unitCode = profile.unitCode() == null || profile.unitCode().isBlank()
                ? null
                : profile.unitCode().strip();
        Platform platform = profile.platform();
        if (platformRole && unitRole) {
            throw DomainException.invalid(
                    "invalid_scope", "Un compte travaille pour une plateforme ou pour une unité, pas les deux.");
        }
        if (platformRole && (platform == null || unitCode != null)) {
            throw DomainException.invalid(
                    "invalid_scope", "Ces rôles demandent une plateforme (GENERALIST ou VSS) et aucune unité.");
        }
        if (unitRole && (unitCode == null || platform != null)) {
            throw DomainException.invalid("invalid_scope", "Un agent d'unité demande une unité et aucune plateforme.");
        }
        if (!platformRole && !unitRole && (platform != null || unitCode != null)) {
            throw DomainException.invalid(
                    "invalid_scope", "Auditeurs et administrateurs n'ont ni plateforme ni unité.");
        }
        if (unitCode != null && em.find(Unit.class, unitCode) == null) {
            throw DomainException.invalid("unknown_unit", "Unité inconnue du répertoire.");
        }
        return new Profile(displayName, Set.copyOf(roles), platform, unitCode);
    }
}
