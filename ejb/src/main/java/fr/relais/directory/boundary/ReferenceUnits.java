package fr.relais.directory.boundary;

import fr.relais.directory.control.UnitFile;
import fr.relais.directory.entity.Unit;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Loads the reference units ({@code reference/units.csv}: the departmental level of every covered
 * department and the stations shipped with a public source) at start, in every mode: adds the units
 * that are missing and leaves the others as they are (the directory's own data wins once it exists).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ReferenceUnits {
    private static final Logger LOG = Logger.getLogger(ReferenceUnits.class.getName());

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void load() {
        var lines = UnitFile.load();
        int added = 0;
        for (UnitFile.Line line : lines) {
            if (em.find(Unit.class, line.code()) == null) {
                em.persist(line.toUnit());
                added++;
            }
        }
        int count = added;
        LOG.info(() -> lines.size() + " reference units in " + UnitFile.RESOURCE + ", " + count + " added");
    }
}
