package fr.relais.shared.view;

import fr.relais.shared.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages for screens: texts from the {@code msg} bundle, refusals from the domain as they are. */
public final class Messages {
    private Messages() {}

    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    public static void info(String key) {
        add(FacesMessage.SEVERITY_INFO, text(key));
    }

    /** A warning from the bundle: something the user must confirm or correct. */
    public static void warn(String key) {
        add(FacesMessage.SEVERITY_WARN, text(key));
    }

    public static void refused(DomainException e) {
        add(FacesMessage.SEVERITY_WARN, e.getMessage());
    }

    private static void add(FacesMessage.Severity severity, String summary) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(severity, summary, null));
    }
}
