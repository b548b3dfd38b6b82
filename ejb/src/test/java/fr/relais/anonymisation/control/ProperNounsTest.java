package fr.relais.anonymisation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProperNounsTest {

    @Test
    void namesNoListKnowsAreProperNouns() {
        String text = "Un témoin, Svetlana Ferreira, a tout vu devant la gare de Laval.";
        List<ProperNouns.Tagged> tagged = ProperNouns.tag(text, 0, text.length());
        tagged.forEach(t -> System.out.println(text.substring(t.start(), t.end()) + "/" + t.tag()));
        assertThat(tagged.stream().filter(ProperNouns.Tagged::properNoun).map(t -> text.substring(t.start(), t.end())))
                .contains("Svetlana", "Ferreira");
    }
}
