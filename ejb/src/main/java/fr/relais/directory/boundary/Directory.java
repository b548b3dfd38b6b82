package fr.relais.directory.boundary;

import fr.relais.directory.control.Revocations;
import fr.relais.directory.entity.AppUser;
import fr.relais.directory.entity.Unit;
import fr.relais.shared.DomainException;
import fr.relais.shared.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Users, units and territorial competence. */
@Stateless
public class Directory {
    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Revocations revocations;

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
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(code == null ? null : em.find(Unit.class, code));
    }

    public List<Unit> units() {
        return em.createNamedQuery(Unit.ALL, Unit.class).getResultList();
    }

    /** The units whose territory covers the postal code, police stations before others. */
    public List<Unit> unitsCovering(String postalCode) {
        return em.createNamedQuery(Unit.COVERING_POSTAL_CODE, Unit.class)
                .setParameter("postalCode", postalCode)
                .getResultList();
    }
}
