package fr.relais.qualification.api;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The screens' French texts that a report's history carries in the API too. */
final class HistoryTexts {
    private HistoryTexts() {}

    /** What the timeline says where retention destroyed the personal data of an event. */
    static String erased() {
        try {
            return ResourceBundle.getBundle("fr.relais.messages", Locale.FRENCH).getString("history.personal.erased");
        } catch (MissingResourceException e) {
            return "history.personal.erased";
        }
    }
}
