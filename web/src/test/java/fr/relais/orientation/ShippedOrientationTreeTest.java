package fr.relais.orientation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.orientation.boundary.Orientations;
import fr.relais.orientation.control.OrientationTree;
import fr.relais.orientation.control.OrientationTree.Kind;
import fr.relais.orientation.control.OrientationValidator;
import fr.relais.orientation.control.Sheets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The orientation tree shipped with the application, checked as the server checks it at start. */
class ShippedOrientationTreeTest {
    @Test
    void theShippedTreeIsValidWithOverAHundredOrientationsBehindTheThreeDoors() throws IOException {
        Map<String, String> sheets = Sheets.load(getClass().getClassLoader());
        assertThat(sheets).containsKeys("porter-plainte", "violences-conjugales", "trafic-de-stupefiants");
        String json;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Orientations.RESOURCE)) {
            assertThat(in).as(Orientations.RESOURCE).isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        OrientationValidator.Result result = new OrientationValidator(sheets.keySet()).validate(json);

        assertThat(result.problems()).isEmpty();
        OrientationTree tree = result.tree();
        assertThat(tree.version()).isNotBlank();
        assertThat(tree.root().children().stream().map(OrientationTree.Node::label))
                .containsExactly("Je suis victime", "Je signale", "Je m'informe");
        assertThat(tree.leafCount()).isGreaterThanOrEqualTo(100);
        for (OrientationTree.Node leaf : tree.leaves()) {
            assertThat(leaf.path().split("-").length).as(leaf.label()).isLessThanOrEqualTo(OrientationTree.MAX_DEPTH);
        }
        Map<Kind, Long> kinds = tree.leaves().stream()
                .collect(Collectors.groupingBy(
                        l -> l.orientation().kind(), () -> new EnumMap<>(Kind.class), Collectors.counting()));
        assertThat(kinds.keySet()).as("every kind of orientation is offered").containsExactlyInAnyOrder(Kind.values());
        assertThat(tree.leaves().stream()
                        .map(l -> l.orientation().url())
                        .filter(u -> u != null)
                        .collect(Collectors.toSet()))
                .as("the official online procedures the issue names")
                .contains(
                        "https://www.pre-plainte-en-ligne.gouv.fr",
                        "https://www.internet-signalement.gouv.fr",
                        "https://www.service-public.fr/particuliers/vosdroits/R46526",
                        "https://www.service-public.fr/particuliers/vosdroits/R43241",
                        "/citoyen/signaler.xhtml");
        assertThat(tree.leaves().stream()
                        .map(l -> l.orientation().phone())
                        .filter(p -> p != null)
                        .collect(Collectors.toSet()))
                .containsAll(Set.of("17", "112", "114", "3919", "119", "116 006", "0 800 05 95 95"));
        assertThat(tree.leaves().stream()
                        .map(l -> l.orientation().platform())
                        .filter(p -> p != null)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("GENERALIST", "VSS");
        assertThat(tree.leaves().stream()
                        .map(l -> l.orientation().sheet())
                        .filter(s -> s != null)
                        .collect(Collectors.toSet()))
                .as("every practical sheet is reachable")
                .containsAll(sheets.keySet());
    }
}
