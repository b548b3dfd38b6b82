package fr.relais.directory.boundary;

import fr.relais.directory.entity.AppUser;
import fr.relais.directory.entity.Unit;
import fr.relais.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
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
