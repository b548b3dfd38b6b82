package fr.relais.qualification.view;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.qualification.entity.Category;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every nature of facts has a French label and the short description the operator sees. */
class CategoryLabelsTest {
    @Test
    void everyNatureOfFactsHasALabelAndADescription() {
        ResourceBundle messages = ResourceBundle.getBundle("fr.relais.messages", Locale.FRENCH);
        for (Category category : Category.values()) {
            assertThat(messages.getString("category." + category))
                    .as(category.name())
                    .isNotBlank();
            assertThat(messages.getString("category." + category + ".description"))
                    .as(category.name())
                    .isNotBlank()
                    .hasSizeLessThan(160);
        }
        assertThat(messages.containsKey("category.SCAM")).isFalse();
    }
}
