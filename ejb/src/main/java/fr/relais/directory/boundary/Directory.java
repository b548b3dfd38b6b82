package fr.relais.directory.boundary;

import fr.relais.directory.control.CallerCache;
import fr.relais.directory.entity.AppUser;
import fr.relais.directory.entity.Unit;
import fr.relais.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Users, units and territorial competence. */
@Stateless
public class Directory {
    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    Communes communes;

    @Inject
    CallerCache callers;

    /** The caller of the current request, with its scope from the database. */
    public Caller currentCaller() {
        String name = session.getCallerPrincipal() == null
                ? null
                : session.getCallerPrincipal().getName();
        Caller caller = name == null ? null : callers.get(name, this::load);
        if (caller == null) {
            throw DomainException.forbidden("Utilisateur inconnu.");
        }
        return caller;
    }

    private Caller load(String name) {
        AppUser user = em.find(AppUser.class, name);
        return user == null ? null : new Caller(user.username(), user.roles(), user.platform(), user.unitCode());
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
