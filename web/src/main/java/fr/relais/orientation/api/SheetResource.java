package fr.relais.orientation.api;

import fr.relais.orientation.boundary.Sheets;
import fr.relais.orientation.control.Sheet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The practical sheets of the public portal, for other front ends. */
@Tag(name = "Sheets", description = "The practical sheets of the public portal (public content).")
@SecurityRequirementsSet // public
@Path("sheets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SheetResource {
    @EJB
    Sheets sheets;

    /** A sheet in a list: its id, title and first paragraph. */
    public record SheetSummary(String id, String title, String summary) {}

    /**
     * A sheet whole: its text in the Markdown subset it is written in, and that text as HTML whose
     * every character of the source is escaped (only headings, paragraphs, lists, strong text and
     * links to https, tel, sms or another sheet are tags).
     */
    public record SheetText(String id, String title, String summary, String markdown, String html) {}

    @Operation(
            operationId = "searchSheets",
            summary = "List or search the practical sheets",
            description = "Public. Without `q`, every sheet in the portal's order. With `q` (at most 100"
                    + " characters), the sheets whose title or text has every word of it as a word or the"
                    + " start of one; accents and case do not matter. Sheets with words in their title first.")
    @GET
    public List<SheetSummary> search(@QueryParam("q") String q) {
        return sheets.search(q).stream()
                .map(s -> new SheetSummary(s.id(), s.title(), s.summary()))
                .toList();
    }

    @Operation(operationId = "getSheet", summary = "Read a practical sheet (404 `sheet_not_found`)")
    @GET
    @Path("{id}")
    public SheetText get(@PathParam("id") String id) {
        Sheet s = sheets.byId(id);
        return new SheetText(s.id(), s.title(), s.summary(), s.markdown(), s.html());
    }
}
