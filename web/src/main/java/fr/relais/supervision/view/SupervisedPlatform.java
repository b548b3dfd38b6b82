package fr.relais.supervision.view;

import fr.relais.directory.boundary.Caller;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import jakarta.faces.context.FacesContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The platform a supervision screen shows: a supervisor's own; an administrator's choice ({@code
 * ?platform=GENERALIST|VSS}, the generalist one by default). The boundary checks it again.
 */
final class SupervisedPlatform {
    private SupervisedPlatform() {}

    static Platform of(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            return caller.platform();
        }
        String asked = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("platform");
        try {
            return asked == null || asked.isBlank() ? Platform.GENERALIST : Platform.valueOf(asked.strip());
        } catch (IllegalArgumentException e) {
            return Platform.GENERALIST;
        }
    }

    /** A CSV file to download. */
    static StreamedContent csv(String name, String content) {
        return DefaultStreamedContent.builder().name(name).contentType("text/csv; charset=UTF-8").stream(
                        () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}
