package fr.relais.orientation.view;

import fr.relais.orientation.boundary.NearbyUnits;
import fr.relais.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The units near a commune on the citizens' pages ({@code unites.xhtml?lieu=} a postal code or a commune's name, {@code ?commune=} an INSEE code):
 * a plain GET form, so the page works without script and its address can be shared.
 */
@Named
@RequestScoped
public class NearbyUnitsView {
    @EJB
    NearbyUnits nearby;

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");

    private String place;
    private NearbyUnits.Answer answer;
    private String error;

    @PostConstruct
    void read() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        place = strip(params.get("lieu"));
        String chosen = strip(params.get("commune"));
        if (place.isEmpty() && chosen.isEmpty()) {
            return;
        }
        try {
            // a commune chosen among several (by its INSEE code) wins; else 5 digits are a postal code
            if (!chosen.isEmpty()) {
                answer = nearby.near(null, chosen);
            } else if (POSTAL_CODE.matcher(place).matches()) {
                answer = nearby.near(place, null);
            } else {
                answer = nearby.near(null, place);
            }
        } catch (DomainException e) {
            error = e.getMessage();
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** What the citizen typed: a postal code, or a commune's name or INSEE code. */
    public String getPlace() {
        return place;
    }

    public NearbyUnits.Answer getAnswer() {
        return answer;
    }

    /** Why the place was refused, in French; null when it was not. */
    public String getError() {
        return error;
    }
}
