package fr.relais.orientation.boundary;

import fr.relais.orientation.control.Sheet;
import fr.relais.orientation.control.SheetLibrary;
import fr.relais.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.logging.Logger;

/**
 * The practical sheets of the public portal: public content shipped with the application, read and
 * checked once at start (a missing text fails the start), held in memory; no database.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after @PostConstruct
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class Sheets {
    private static final Logger LOG = Logger.getLogger(Sheets.class.getName());

    private SheetLibrary library;

    @PostConstruct
    void load() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : Sheets.class.getClassLoader();
        library = SheetLibrary.read(loader::getResourceAsStream);
        LOG.info(() -> library.size() + " practical sheets loaded");
    }

    public List<Sheet> all() {
        return library.all();
    }

    /** The sheets matching a query (see {@link SheetLibrary#search}); refuses a query over 100 characters. */
    public List<Sheet> search(String query) {
        if (query != null && query.length() > SheetLibrary.MAX_QUERY) {
            throw DomainException.invalid("invalid_query", "Recherche trop longue (100 caractères au plus).");
        }
        return library.search(query);
    }

    public Sheet byId(String id) {
        return library.byId(id)
                .orElseThrow(() -> DomainException.notFound("sheet_not_found", "Cette fiche n'existe pas."));
    }
}
