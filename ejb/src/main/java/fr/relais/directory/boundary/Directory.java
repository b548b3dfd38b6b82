package fr.relais.directory.boundary;

import fr.relais.audit.boundary.AuditTrail;
import fr.relais.audit.boundary.Chain;
import fr.relais.directory.control.Revocations;
import fr.relais.directory.entity.AppUser;
import fr.relais.directory.entity.Unit;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Users, units and territorial competence. */
@Stateless
public class Directory {
    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail trail;

    @Resource
    SessionContext session;

    @Inject
    Revocations revocations;

    @EJB
    Communes communes;

    /** The caller of the current request, with its scope from the database. */
    public Caller currentCaller() {
        String name = session.getCallerPrincipal() == null
                ? null
                : session.getCallerPrincipal().getName();
        AppUser user = name == null ? null : em.find(AppUser.class, name);
        if (user == null) {
            throw DomainException.forbidden("Utilisateur inconnu.");
        }
        return new Caller(user.username(), user.roles(), user.platform(), user.unitCode());
    }

    public Optional<AppUser> user(String username) {
        return Optional.ofNullable(em.find(AppUser.class, username));
    }

    /**
     * Disables an account: it can no longer sign in, and its tokens and cached credentials are
     * refused at once on every instance (the revocation set is in the data grid).
     */
    @RolesAllowed(Role.ADMIN)
    public void disable(String username) {
        AppUser user = em.find(AppUser.class, username);
        if (user == null) {
            throw DomainException.notFound("unknown_user", "Utilisateur inconnu.");
        }
        user.disable();
        revocations.revoke(username);
        trail.record(Chain.admin(), "account_disabled", Map.of("username", username));
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(code == null ? null : em.find(Unit.class, code));
    }

    public List<Unit> units() {
        return em.createNamedQuery(Unit.ALL, Unit.class).getResultList();
    }

    /**
     * The stations and brigades covering a postal code: those covering one of the communes that
     * have it (by the official list of communes).
     */
    public List<Unit> unitsCovering(String postalCode) {
        Set<String> insee =
                communes.withPostalCode(postalCode).stream().map(c -> c.insee()).collect(Collectors.toSet());
        return unitsCoveringCommunes(insee);
    }

    /** The units whose territory includes one of the communes (INSEE codes). */
    public List<Unit> unitsCoveringCommunes(Set<String> insee) {
        if (insee.isEmpty()) {
            return List.of();
        }
        return em
                .createNamedQuery(Unit.COVERING_COMMUNE, Unit.class)
                .setParameter("insee", insee)
                .getResultList()
                .stream()
                .distinct()
                .toList();
    }

    /** The department's units of these kinds. */
    public List<Unit> unitsOfDepartment(String department, Set<Unit.Kind> kinds) {
        if (department == null || kinds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Unit.OF_DEPARTMENT, Unit.class)
                .setParameter("department", department)
                .setParameter("kinds", kinds)
                .getResultList();
    }
}
