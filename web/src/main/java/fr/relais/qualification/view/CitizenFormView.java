package fr.relais.qualification.view;

import fr.relais.qualification.control.CitizenForm;
import fr.relais.qualification.entity.Category;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The public report form ({@code /citoyen/signaler.xhtml}, no account): the page is drawn here, the
 * report is sent by the page's script to {@code POST /api/v1/citizen/reports}, which checks it.
 */
@Named
@RequestScoped
public class CitizenFormView {
    public List<Category> getCategories() {
        return List.of(Category.values());
    }

    public int getMaxNarrative() {
        return CitizenForm.MAX_NARRATIVE;
    }

    public int getMaxPlace() {
        return CitizenForm.MAX_PLACE;
    }
}
