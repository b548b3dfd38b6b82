package fr.relais.orientation.view;

import fr.relais.orientation.boundary.Sheets;
import fr.relais.orientation.control.SafeMarkdown;
import fr.relais.orientation.control.Sheet;
import fr.relais.orientation.control.SheetLibrary;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The practical sheets on the citizens' pages: the list and its search ({@code fiches.xhtml?q=}) and
 * one sheet ({@code fiche.xhtml?id=}), rendered block by block with the page's escaping components.
 */
@Named
@RequestScoped
public class SheetsView {
    @EJB
    Sheets sheets;

    private String query;
    private boolean queryTooLong;
    private List<Sheet> found;
    private Sheet sheet;

    @PostConstruct
    void read() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        query = params.get("q") == null ? "" : params.get("q").strip();
        String id = params.get("id");
        sheet = id == null
                ? null
                : sheets.all().stream()
                        .filter(s -> s.id().equals(id))
                        .findFirst()
                        .orElse(null);
        if (id != null && sheet == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    public String getQuery() {
        return query;
    }

    public boolean isSearched() {
        return !query.isEmpty();
    }

    public boolean isQueryTooLong() {
        getFound();
        return queryTooLong;
    }

    public List<Sheet> getFound() {
        if (found == null) {
            queryTooLong = query.length() > SheetLibrary.MAX_QUERY;
            found = queryTooLong ? List.of() : sheets.search(query);
        }
        return found;
    }

    /** The sheet asked for by {@code id}; null when there is none of that id. */
    public Sheet getSheet() {
        return sheet;
    }

    public List<SafeMarkdown.Block> getBlocks() {
        return sheet == null ? List.of() : SafeMarkdown.blocks(sheet.markdown());
    }
}
