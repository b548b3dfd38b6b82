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
@DependsOn({"SchemaMigration", "ReferenceUnits"})
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
        // Demo stations and brigades, by the INSEE codes of the communes they cover (their former
        // postal codes' communes); the public reference units come from ReferenceUnits.
        unit(
                "CSP-GUYANCOURT",
                "Commissariat de police de Guyancourt",
                Unit.Kind.POLICE_STATION,
                "78",
                "Guyancourt",
                Set.of("78297", "78423", "78688", "78356"));
        unit(
                "CSP-VERSAILLES",
                "Commissariat de police de Versailles",
                Unit.Kind.POLICE_STATION,
                "78",
                "Versailles",
                Set.of("78646", "78158", "78686"));
        unit(
                "BTA-CHEVREUSE",
                "Brigade de gendarmerie de Chevreuse",
                Unit.Kind.GENDARMERIE_BRIGADE,
                "78",
                "Chevreuse",
                Set.of("78160", "78162"));
        unit(
                "CSP-BORDEAUX",
                "Commissariat central de Bordeaux",
                Unit.Kind.POLICE_STATION,
                "33",
                "Bordeaux",
                Set.of("33063"));
        // a demo specialised unit, so that the specialised rule of competence has one to choose
        unit("CYBER-78", "Unité cyber des Yvelines (démonstration)", Unit.Kind.CYBER_UNIT, "78", null, Set.of());
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
        // departmental levels (reference units): they read the reports escalated to them
        user(
                "agent-ddpn78",
                "Agent de la direction départementale de la police (78)",
                null,
                "POLICE-78",
                Role.UNIT_AGENT);
        user(
                "agent-ddpn33",
                "Agent de la direction départementale de la police (33)",
                null,
                "POLICE-33",
                Role.UNIT_AGENT);
        user("auditeur", "Auditeur", null, null, Role.AUDITOR);
        user("admin", "Administrateur technique", null, null, Role.ADMIN);
        LOG.info("Demo mode: demo units and accounts are present (password = user name)");
    }

    private void unit(String code, String name, Unit.Kind kind, String department, String commune, Set<String> insee) {
        Unit unit = em.find(Unit.class, code);
        if (unit == null) {
            unit = new Unit(code, name, kind, department, commune, insee);
            unit.describe(null, null, null, "Données de démonstration (RELAIS_DEMO)");
            em.persist(unit);
        } else {
            unit.cover(insee); // a unit made before the directory covered postal codes
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
