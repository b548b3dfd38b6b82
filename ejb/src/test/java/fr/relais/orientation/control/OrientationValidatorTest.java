package fr.relais.orientation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OrientationValidatorTest {
    private final OrientationValidator validator = new OrientationValidator(Set.of("porter-plainte"));

    private static String tree(String doors) {
        return "{\"version\":\"t1\",\"label\":\"Accueil\",\"children\":[" + doors + "]}";
    }

    private static String leaf(String label, String orientation) {
        return "{\"label\":\"" + label + "\",\"orientation\":" + orientation + "}";
    }

    private static final String SHEET =
            "{\"kind\":\"sheet\",\"title\":\"Porter plainte\",\"sheet\":\"porter-plainte\"}";
    private static final String PHONE = "{\"kind\":\"helpline\",\"title\":\"Le 17\",\"phone\":\"17\"}";

    private static String door(String label, String... children) {
        return "{\"label\":\"" + label + "\",\"children\":[" + String.join(",", children) + "]}";
    }

    @Test
    void acceptsAWellFormedTreeAndResolvesReferences() {
        String json = tree(door(
                        "Je suis victime",
                        leaf("Le 17", PHONE),
                        "{\"id\":\"plainte\",\"label\":\"Plainte\",\"children\":[" + leaf("Comment", SHEET) + "]}")
                + "," + door("Je m'informe", "{\"label\":\"Porter plainte\",\"goto\":\"plainte\"}"));

        OrientationValidator.Result result = validator.validate(json);

        assertThat(result.problems()).isEmpty();
        assertThat(result.tree().version()).isEqualTo("t1");
        assertThat(result.tree().leafCount()).isEqualTo(3);
        assertThat(result.tree().find("2-1-1").orElseThrow().orientation().sheet())
                .isEqualTo("porter-plainte");
        assertThat(result.tree().find("2-1").orElseThrow().label()).isEqualTo("Porter plainte");
        assertThat(result.tree()
                        .toJson()
                        .getJsonArray("children")
                        .getJsonObject(1)
                        .toString())
                .doesNotContain("goto")
                .contains("\"sheet\":\"porter-plainte\"");
    }

    @Test
    void refusesADeadEnd() {
        assertThat(validator
                        .validate(tree(door("Je suis victime", leaf("Le 17", PHONE)) + "," + door("Je signale")))
                        .problems())
                .containsExactly("Accueil › Je signale : impasse : aucun choix proposé.");
    }

    @Test
    void refusesACycle() {
        String json = tree("{\"id\":\"victime\",\"label\":\"Je suis victime\",\"children\":[" + leaf("Le 17", PHONE)
                + ",{\"label\":\"Encore\",\"goto\":\"victime\"}]}");

        OrientationValidator.Result result = validator.validate(json);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).singleElement().asString().contains("cycle");
    }

    @Test
    void refusesSixClicks() {
        String deep = leaf("6", PHONE);
        for (int depth = 5; depth >= 1; depth--) {
            deep = door(String.valueOf(depth), deep);
        }
        assertThat(validator.validate(tree(deep)).problems())
                .singleElement()
                .asString()
                .startsWith("Accueil › 1 › 2 › 3 › 4 › 5 › 6 :")
                .contains("plus de 5 clics");
        // five clicks are fine
        String five = leaf("5", PHONE);
        for (int depth = 4; depth >= 1; depth--) {
            five = door(String.valueOf(depth), five);
        }
        assertThat(validator.validate(tree(five)).problems()).isEmpty();
    }

    @Test
    void refusesALeafWithoutOrientation() {
        assertThat(validator
                        .validate(tree(door("Je suis victime", "{\"label\":\"Rien\"}")))
                        .problems())
                .containsExactly("Accueil › Je suis victime › Rien : choix final sans orientation.");
    }

    @Test
    void refusesABadUrl() {
        for (String url : new String[] {
            "http://www.pre-plainte-en-ligne.gouv.fr", "javascript:alert(1)", "https://x", "/admin/units.xhtml"
        }) {
            String json = tree(door(
                    "Je suis victime",
                    leaf("Plainte", "{\"kind\":\"procedure\",\"title\":\"Pré-plainte\",\"url\":\"" + url + "\"}")));
            assertThat(validator.validate(json).problems())
                    .as(url)
                    .singleElement()
                    .asString()
                    .contains("adresse invalide");
        }
        String good = tree(door(
                "Je suis victime",
                leaf(
                        "Plainte",
                        "{\"kind\":\"procedure\",\"title\":\"Pré-plainte\",\"url\":\"https://www.pre-plainte-en-ligne.gouv.fr\"}"),
                leaf(
                        "Formulaire",
                        "{\"kind\":\"procedure\",\"title\":\"Signaler\",\"url\":\"/citoyen/signaler.xhtml\"}")));
        assertThat(validator.validate(good).problems()).isEmpty();
    }

    @Test
    void refusesABadPhone() {
        String json = tree(door(
                "Je suis victime",
                leaf("Appeler", "{\"kind\":\"helpline\",\"title\":\"Appeler\",\"phone\":\"dix-sept\"}")));
        assertThat(validator.validate(json).problems())
                .singleElement()
                .asString()
                .contains("numéro de téléphone invalide");
        assertThat(OrientationValidator.wellFormedPhone("0 800 05 95 95")).isTrue();
        assertThat(OrientationValidator.wellFormedPhone("116 006")).isTrue();
        assertThat(OrientationValidator.wellFormedPhone("17  ")).isFalse();
    }

    @Test
    void refusesAnUnknownSheet() {
        String json = tree(
                door("Je m'informe", leaf("Fiche", "{\"kind\":\"sheet\",\"title\":\"Fiche\",\"sheet\":\"inconnue\"}")));
        assertThat(validator.validate(json).problems())
                .containsExactly("Accueil › Je m'informe › Fiche : fiche pratique inconnue : \"inconnue\".");
    }

    @Test
    void refusesAnUnknownKind() {
        String json = tree(door("Je m'informe", leaf("Fax", "{\"kind\":\"fax\",\"title\":\"Fax\"}")));
        assertThat(validator.validate(json).problems())
                .singleElement()
                .asString()
                .contains("type d'orientation inconnu");
    }

    @Test
    void refusesAChatOnAnUnknownTopicOrTheWrongPlatform() {
        String unknown = tree(
                door("Je suis victime", leaf("Parler", "{\"kind\":\"chat\",\"title\":\"Parler\",\"topic\":\"NOPE\"}")));
        assertThat(validator.validate(unknown).problems())
                .singleElement()
                .asString()
                .contains("sujet de conversation inconnu");
        String wrong = tree(
                door(
                        "Je suis victime",
                        leaf(
                                "Parler",
                                "{\"kind\":\"chat\",\"title\":\"Parler\",\"topic\":\"SEXUAL_VIOLENCE\",\"platform\":\"GENERALIST\"}")));
        assertThat(validator.validate(wrong).problems())
                .singleElement()
                .asString()
                .contains("VSS");
        String right = tree(door(
                "Je suis victime",
                leaf("Parler", "{\"kind\":\"chat\",\"title\":\"Parler\",\"topic\":\"SEXUAL_VIOLENCE\"}")));
        assertThat(validator
                        .validate(right)
                        .tree()
                        .find("1-1")
                        .orElseThrow()
                        .orientation()
                        .platform())
                .isEqualTo("VSS");
    }

    @Test
    void refusesWhatIsNotATree() {
        assertThat(validator.validate("{not json").problems()).containsExactly("Le document n'est pas un JSON valide.");
        assertThat(validator.validate("[]").valid()).isFalse();
        assertThat(validator
                        .validate("{\"label\":\"Accueil\",\"children\":[" + leaf("Le 17", PHONE) + "]}")
                        .problems())
                .containsExactly("Accueil : le champ \"version\" manque.");
    }

    @Test
    void findsNodesByPathOnly() {
        OrientationTree tree = validator
                .validate(tree(door("Je suis victime", leaf("Le 17", PHONE))))
                .tree();
        assertThat(tree.find("")).contains(tree.root());
        assertThat(tree.find("1-1").orElseThrow().orientation().dialable()).isEqualTo("17");
        assertThat(tree.find("1-2")).isEmpty();
        assertThat(tree.find("x")).isEmpty();
        assertThat(tree.find("1-1-1-1-1-1")).isEmpty();
        assertThat(tree.trail("1-1").orElseThrow()).hasSize(3);
    }
}
