package fr.relais.directory.boundary;

import fr.relais.directory.control.Commune;
import fr.relais.directory.control.CommuneIndex;
import fr.relais.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Logger;

/**
 * The official list of French communes (public reference data, read-only): autocomplete, lookup
 * by INSEE code, and the validation of a report's place. Held in memory, loaded once at start from
 * the resource the build ships; it touches no database and no transaction.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after @PostConstruct
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class Communes {
    private static final Logger LOG = Logger.getLogger(Communes.class.getName());

    private CommuneIndex index;

    @PostConstruct
    void load() {
        long start = System.nanoTime();
        index = CommuneIndex.load();
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> index.size() + " communes from " + index.source() + " loaded in " + millis + " ms");
    }

    /** Autocomplete on a name, a postal code (or its first digits) or an INSEE code, ranked and bounded. */
    public List<Commune> search(String query, int limit) {
        if (query == null || query.isBlank() || query.strip().length() < 2) {
            throw DomainException.invalid("invalid_query", "Saisissez au moins 2 caractères.");
        }
        if (query.length() > CommuneIndex.MAX_QUERY) {
            throw DomainException.invalid("invalid_query", "Recherche trop longue (60 caractères au plus).");
        }
        return index.search(query, limit);
    }

    public Commune byInsee(String insee) {
        return index.byInsee(insee)
                .orElseThrow(() -> DomainException.notFound("commune_not_found", "Commune introuvable."));
    }

    /** The department of a commune by its INSEE code; empty when the code is not in the list. */
    public java.util.Optional<String> departmentOf(String insee) {
        return index.byInsee(insee).map(Commune::department);
    }

    /**
     * The place of a report, by INSEE code or by name and postal code: refuses (400) an unknown
     * commune ({@code invalid_commune}), a postal code that is not the commune's ({@code
     * postal_code_mismatch}) and an overseas collectivity ({@code territory_not_covered}).
     */
    public CommuneIndex.Place resolve(String insee, String name, String postalCode) {
        return index.resolve(insee, name, postalCode);
    }

    /** See {@link CommuneIndex#locate}: the commune of a report's facts, for competence. */
    public java.util.Optional<Commune> locate(String insee, String name, String postalCode) {
        return index.locate(insee, name, postalCode);
    }

    /** The current communes and districts that have this postal code. */
    public List<Commune> withPostalCode(String postalCode) {
        return index.withPostalCode(postalCode);
    }

    /** The current communes and districts with exactly this name, most populated first. */
    public List<Commune> named(String name) {
        return index.named(name);
    }

    /** The current communes of an intercommunality (EPCI), most populated first. */
    public List<Commune> inEpci(String epci) {
        return index.inEpci(epci);
    }

    /** The time zone of a covered department; refuses a collectivity ({@code territory_not_covered}). */
    public ZoneId timeZone(String department) {
        return index.timeZone(department);
    }
}
