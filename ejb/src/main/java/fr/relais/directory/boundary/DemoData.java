package fr.relais.directory.boundary;

import fr.relais.directory.entity.AppUser;
import fr.relais.directory.entity.Unit;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo units and accounts (password = user name), loaded only when {@code RELAIS_DEMO=true}: the
 * run command on the embedded database sets it; a configured database has no demo account unless
 * asked for. Idempotent: a restart adds only what is missing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "RELAIS_DEMO", defaultValue = "false")
    boolean demo;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @PostConstruct
    void load() {
        if (!demo) {
            return;
        }
        passwordHash.initialize(PasswordPolicy.parameters());
        unit(
                "CSP-GUYANCOURT",
                "Commissariat de police de Guyancourt",
                Unit.Kind.POLICE_STATION,
                "Guyancourt",
                Set.of("78280", "78180", "78960", "78114"));
        unit(
                "CSP-VERSAILLES",
                "Commissariat de police de Versailles",
                Unit.Kind.POLICE_STATION,
                "Versailles",
                Set.of("78000", "78150", "78220"));
        unit(
                "BTA-CHEVREUSE",
                "Brigade de gendarmerie de Chevreuse",
                Unit.Kind.GENDARMERIE_BRIGADE,
                "Chevreuse",
                Set.of("78460"));
        unit(
                "CSP-BORDEAUX",
                "Commissariat central de Bordeaux",
                Unit.Kind.POLICE_STATION,
                "Bordeaux",
                Set.of("33000", "33100", "33200", "33300", "33800"));
        // danger-now requests go to 24-hour desks: the police stations' (not the small brigade's)
        for (String desk : Set.of("CSP-GUYANCOURT", "CSP-VERSAILLES", "CSP-BORDEAUX")) {
            em.find(Unit.class, desk).setDesk24h(true);
        }
        em.flush(); // users reference units; EclipseLink does not order unrelated inserts

        user("operateur", "Opérateur (plateforme généraliste)", Platform.GENERALIST, null, Role.OPERATOR);
        user("operateur2", "Second opérateur (plateforme généraliste)", Platform.GENERALIST, null, Role.OPERATOR);
        user("operatrice-vss", "Opératrice (plateforme VSS)", Platform.VSS, null, Role.OPERATOR);
        user("psychologue", "Psychologue (plateforme VSS)", Platform.VSS, null, Role.PSYCHOLOGIST);
        user("superviseur", "Superviseur (plateforme généraliste)", Platform.GENERALIST, null, Role.SUPERVISOR);
        user("agent-guyancourt", "Agent du commissariat de Guyancourt", null, "CSP-GUYANCOURT", Role.UNIT_AGENT);
        user("agent-versailles", "Agent du commissariat de Versailles", null, "CSP-VERSAILLES", Role.UNIT_AGENT);
        user("auditeur", "Auditeur", null, null, Role.AUDITOR);
        user("admin", "Administrateur technique", null, null, Role.ADMIN);
        LOG.info("Demo mode: demo units and accounts are present (password = user name)");
    }

    private void unit(String code, String name, Unit.Kind kind, String commune, Set<String> postalCodes) {
        if (em.find(Unit.class, code) == null) {
            em.persist(new Unit(code, name, kind, commune, postalCodes));
        }
    }

    private void user(String username, String displayName, Platform platform, String unitCode, String role) {
        if (em.find(AppUser.class, username) == null) {
            em.persist(new AppUser(
                    username,
                    passwordHash.generate(username.toCharArray()),
                    displayName,
                    platform,
                    unitCode,
                    Set.of(role)));
        }
    }
}
