package fr.relais.directory.api;

import fr.relais.directory.boundary.UnitImports;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The French texts of a directory import's refusals, from the screens' bundle ({@code
 * unitImport.reason.<CODE>}, the value at fault in place of <code>{0}</code>), for the API and the screen alike.
 */
public final class ImportTexts {
    private static final String BUNDLE = "fr.relais.messages";

    private ImportTexts() {}

    /** Why the line is refused, in French. */
    public static String reason(UnitImports.LineProblem problem) {
        String text = text("unitImport.reason." + problem.reason());
        return text.replace("{0}", problem.value() == null ? "" : problem.value());
    }

    public static String text(String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.FRENCH).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
