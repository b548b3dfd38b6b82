package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The portal's orientation tree through {@code GET /api/v1/orientation}, as another front end reads
 * it: situations told in plain words, each reached by its path of labels in at most five clicks;
 * and its replacement by administrators ({@code PUT}), validated first.
 */
class OrientationSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());

    static final String VICTIM = "Je suis victime";
    static final String REPORT = "Je signale";
    static final String INFO = "Je m'informe";
    static final String SCAM = "Arnaque, escroquerie";
    static final String THEFT = "On m'a volé quelque chose";
    static final String UNKNOWN_THIEF = "Je ne sais pas qui m'a volé";
    static final String COUPLE = "Violences dans mon couple ou ma famille";
    static final String PARTNER = "Mon ou ma partenaire me frappe, me menace ou m'humilie";
    static final String SEXUAL = "Violences sexuelles";
    static final String HARASSMENT = "Harcèlement, menaces, insultes";
    static final String PERCEVAL = "https://www.service-public.fr/particuliers/vosdroits/R46526";
    static final String OTV = "https://www.service-public.fr/particuliers/vosdroits/R43241";

    /** A situation in the visitor's words, the labels clicked from the home page, and what it should reach. */
    record Situation(String words, List<String> clicks, String kind, String field, String value) {}

    static Situation says(String words, String kind, String field, String value, String... clicks) {
        return new Situation(words, List.of(clicks), kind, field, value);
    }

    static final List<Situation> SITUATIONS = List.of(
            says(
                    "Il y a des achats sur internet avec ma carte bancaire que je n'ai pas faits, j'ai toujours ma carte",
                    "procedure",
                    "url",
                    PERCEVAL,
                    VICTIM,
                    SCAM,
                    "Sur internet",
                    "Des achats avec ma carte bancaire que je n'ai pas faits (j'ai toujours ma carte)"),
            says(
                    "On vient de me voler ma carte bancaire dans la rue, je veux la bloquer",
                    "helpline",
                    "phone",
                    "0 892 705 705",
                    VICTIM,
                    THEFT,
                    UNKNOWN_THIEF,
                    "Ma carte bancaire ou mon chéquier",
                    "Bloquer ma carte tout de suite"),
            says(
                    "J'ai payé un vendeur sur un site de petites annonces et je n'ai jamais reçu l'objet",
                    "procedure",
                    "title",
                    "Porter plainte en ligne avec THESEE",
                    VICTIM,
                    SCAM,
                    "Sur internet",
                    "J'ai payé un faux site ou un faux vendeur"),
            says(
                    "Mon mari me frappe et je veux en parler à quelqu'un sans donner mon nom",
                    "helpline",
                    "phone",
                    "3919",
                    VICTIM,
                    COUPLE,
                    PARTNER,
                    "Je veux parler à quelqu'un au téléphone, sans donner mon nom"),
            says(
                    "Mon compagnon me menace, je veux l'écrire à un policier",
                    "chat",
                    "platform",
                    "VSS",
                    VICTIM,
                    COUPLE,
                    PARTNER,
                    "Je veux en parler par écrit à un policier"),
            says(
                    "Quelqu'un essaie d'entrer chez moi en ce moment",
                    "helpline",
                    "phone",
                    "17",
                    VICTIM,
                    "Je suis en danger maintenant",
                    "Je peux appeler"),
            says(
                    "Je suis en danger et je ne peux pas parler",
                    "helpline",
                    "phone",
                    "114",
                    VICTIM,
                    "Je suis en danger maintenant",
                    "Je ne peux pas parler"),
            says(
                    "J'ai vu des messages qui appellent à tuer des gens sur un réseau social",
                    "procedure",
                    "url",
                    "https://www.internet-signalement.gouv.fr",
                    REPORT,
                    "Un contenu illégal sur internet",
                    "Un appel à la haine ou au terrorisme"),
            says(
                    "Il y a des dealers tous les soirs en bas de mon immeuble",
                    "procedure",
                    "url",
                    "/citoyen/signaler.xhtml",
                    REPORT,
                    "Un trafic de drogue",
                    "Remplir le formulaire de signalement (anonyme si je veux)"),
            says(
                    "Je pars trois semaines en vacances et j'ai peur d'être cambriolé",
                    "procedure",
                    "url",
                    OTV,
                    INFO,
                    "Me protéger",
                    "Je pars en vacances",
                    "M'inscrire en ligne"),
            says(
                    "Je veux savoir comment se passe un dépôt de plainte",
                    "sheet",
                    "sheet",
                    "porter-plainte",
                    INFO,
                    "Porter plainte",
                    "Comment ça se passe"),
            says(
                    "On a cambriolé ma maison cette nuit, qu'est-ce que je dois faire ?",
                    "sheet",
                    "sheet",
                    "apres-un-cambriolage",
                    VICTIM,
                    THEFT,
                    "Mon logement a été cambriolé",
                    "Que faire maintenant (ne rien toucher, l'assurance)"),
            says(
                    "On m'a volé mon vélo devant la gare",
                    "procedure",
                    "url",
                    "https://www.pre-plainte-en-ligne.gouv.fr",
                    VICTIM,
                    THEFT,
                    UNKNOWN_THIEF,
                    "Mon vélo, ma voiture ou mon deux-roues"),
            says(
                    "Un homme m'a violée hier soir, je veux en parler à une policière formée",
                    "chat",
                    "topic",
                    "SEXUAL_VIOLENCE",
                    VICTIM,
                    SEXUAL,
                    "J'ai été violée ou agressée sexuellement",
                    "Je veux en parler à un policier formé"),
            says(
                    "Mon ex menace de publier mes photos intimes, j'ai 15 ans",
                    "helpline",
                    "phone",
                    "3018",
                    VICTIM,
                    SEXUAL,
                    "On a diffusé ou menace de diffuser des images intimes de moi",
                    "J'ai moins de 18 ans"),
            says(
                    "Des élèves se moquent de moi et me frappent au collège",
                    "helpline",
                    "phone",
                    "3020",
                    VICTIM,
                    HARASSMENT,
                    "À l'école, au collège ou au lycée"),
            says(
                    "Je reçois des insultes tous les jours sur Instagram, je veux savoir quoi faire",
                    "sheet",
                    "sheet",
                    "cyberharcelement",
                    VICTIM,
                    HARASSMENT,
                    "Sur internet ou les réseaux sociaux",
                    "Je veux savoir quoi faire (preuves, plainte)"),
            says(
                    "J'entends ma voisine crier, son conjoint la frappe en ce moment",
                    "helpline",
                    "phone",
                    "17",
                    REPORT,
                    "Des violences sexistes ou sexuelles dont je suis témoin",
                    "Ça se passe maintenant"),
            says(
                    "Le petit voisin est battu par ses parents",
                    "helpline",
                    "phone",
                    "119",
                    REPORT,
                    "Un enfant en danger ou disparu",
                    "Un enfant est maltraité ou en danger"),
            says(
                    "J'ai perdu ma carte d'identité",
                    "sheet",
                    "sheet",
                    "perte-de-papiers",
                    INFO,
                    "Papiers et téléphone",
                    "J'ai perdu mes papiers ou on me les a volés"),
            says(
                    "Quelqu'un a ouvert un crédit à mon nom",
                    "sheet",
                    "sheet",
                    "usurpation-identite",
                    VICTIM,
                    SCAM,
                    "Quelqu'un utilise mon identité"),
            says(
                    "Un faux conseiller de ma banque m'a fait valider des virements au téléphone",
                    "chat",
                    "topic",
                    "SCAM",
                    VICTIM,
                    SCAM,
                    "Par téléphone ou par SMS",
                    "Un faux conseiller de ma banque m'a fait valider des paiements"),
            says(
                    "Je reçois des SMS qui me demandent de payer pour un colis",
                    "procedure",
                    "url",
                    "https://www.33700.fr",
                    VICTIM,
                    SCAM,
                    "Par téléphone ou par SMS",
                    "Je reçois des SMS ou des appels frauduleux"),
            says(
                    "Mes fichiers sont bloqués et on me demande une rançon en bitcoins",
                    "procedure",
                    "title",
                    "Porter plainte en ligne avec THESEE",
                    VICTIM,
                    SCAM,
                    "Sur internet",
                    "Mes fichiers sont bloqués et on me demande une rançon"),
            says(
                    "Un artisan a encaissé l'acompte et n'est jamais venu faire les travaux",
                    "procedure",
                    "url",
                    "https://signal.conso.gouv.fr",
                    VICTIM,
                    SCAM,
                    "Un artisan, un commerçant ou une entreprise m'a trompé"),
            says(
                    "Je ne sais pas si je dois faire une main courante ou porter plainte contre mon voisin",
                    "sheet",
                    "sheet",
                    "main-courante-ou-plainte",
                    INFO,
                    "Porter plainte",
                    "Main courante ou plainte : que choisir ?"),
            says(
                    "Je cherche le commissariat le plus proche",
                    "units",
                    null,
                    null,
                    INFO,
                    "Contacter un commissariat ou une gendarmerie"),
            says(
                    "On m'a frappé à la sortie d'un bar et je veux porter plainte",
                    "units",
                    null,
                    null,
                    VICTIM,
                    "On m'a frappé(e) (hors de ma famille)",
                    "Je veux porter plainte"),
            says(
                    "Mon fils de 12 ans n'est pas rentré depuis ce matin",
                    "helpline",
                    "phone",
                    "116 000",
                    REPORT,
                    "Une personne disparue",
                    "Un enfant"),
            says(
                    "Un homme s'est frotté contre moi dans le métro",
                    "helpline",
                    "phone",
                    "3117",
                    VICTIM,
                    SEXUAL,
                    "Dans la rue ou les transports : insultes, gestes, frottements",
                    "C'est dans un train, un métro ou un bus"),
            says(
                    "On m'a agressée pour mon sac, je voudrais être accompagnée par une association",
                    "helpline",
                    "phone",
                    "116 006",
                    VICTIM,
                    "J'ai besoin d'aide et de soutien",
                    "Être accompagné(e) par une association d'aide aux victimes"),
            says(
                    "Ma mère âgée est maltraitée par mon frère",
                    "helpline",
                    "phone",
                    "3977",
                    VICTIM,
                    COUPLE,
                    "Une personne âgée ou handicapée est maltraitée"),
            says(
                    "Mon compte Facebook a été piraté et on demande de l'argent à mes amis",
                    "procedure",
                    "title",
                    "Porter plainte en ligne avec THESEE",
                    VICTIM,
                    SCAM,
                    "Sur internet",
                    "Mon compte (messagerie, réseau social) a été piraté"),
            says(
                    "On m'a volé mon téléphone dans le bus, comment bloquer la ligne ?",
                    "sheet",
                    "sheet",
                    "vol-de-telephone",
                    VICTIM,
                    THEFT,
                    UNKNOWN_THIEF,
                    "Mon téléphone",
                    "Que faire tout de suite (bloquer la ligne, le code IMEI)"),
            says(
                    "J'ai été agressée sexuellement et je veux savoir quoi faire pour les preuves",
                    "sheet",
                    "sheet",
                    "violences-sexuelles",
                    VICTIM,
                    SEXUAL,
                    "J'ai été violée ou agressée sexuellement",
                    "Je veux savoir quoi faire (preuves, examen médical, plainte)"),
            says(
                    "Je suis témoin de harcèlement sexiste au travail et je veux le signaler par écrit",
                    "chat",
                    "topic",
                    "WITNESSED_SEXIST_VIOLENCE",
                    REPORT,
                    "Des violences sexistes ou sexuelles dont je suis témoin",
                    "Je veux le signaler à un policier par écrit"));

    static JsonObject tree() {
        var reply = scenario.anonymous().get("/orientation");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** The orientation reached by clicking those labels from the root; fails on a missing label. */
    static JsonObject walk(JsonObject root, List<String> clicks) {
        JsonObject node = root;
        for (String label : clicks) {
            assertThat(node.containsKey("children"))
                    .as("choices before '" + label + "'")
                    .isTrue();
            node = node.getJsonArray("children").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("label").equals(label))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no choice '" + label + "' on the way " + clicks));
        }
        assertThat(node.containsKey("orientation"))
                .as("a final orientation at the end of " + clicks)
                .isTrue();
        return node.getJsonObject("orientation");
    }

    @Test
    void everySituationReachesItsOrientationInAtMostFiveClicks() {
        assertThat(SITUATIONS).hasSizeGreaterThanOrEqualTo(30);
        JsonObject root = tree();
        assertThat(root.getJsonArray("children").getValuesAs(JsonObject.class).stream()
                        .map(d -> d.getString("label")))
                .containsExactly(VICTIM, REPORT, INFO);
        for (Situation s : SITUATIONS) {
            assertThat(s.clicks()).as(s.words()).hasSizeLessThanOrEqualTo(5);
            JsonObject orientation = walk(root, s.clicks());
            assertThat(orientation.getString("kind")).as(s.words()).isEqualTo(s.kind());
            assertThat(orientation.getString("title")).as(s.words()).isNotBlank();
            if (s.field() != null) {
                assertThat(orientation.getString(s.field(), null)).as(s.words()).isEqualTo(s.value());
            }
        }
    }

    @Test
    void theServedTreeHasOverAHundredWellFormedOrientationsWithinFiveClicks() {
        List<JsonObject> leaves = new ArrayList<>();
        collect(tree(), 0, leaves);
        assertThat(leaves).hasSizeGreaterThanOrEqualTo(100);
        for (JsonObject o : leaves) {
            String kind = o.getString("kind");
            assertThat(kind).isIn("procedure", "chat", "helpline", "units", "sheet");
            switch (kind) {
                case "procedure" -> assertThat(o.getString("url"))
                        .matches("https://[a-z0-9.-]+\\.[a-z]+(/.*)?|/citoyen/.+");
                case "helpline" -> assertThat(o.getString("phone")).matches("\\+?[0-9 ]{2,20}");
                case "chat" -> assertThat(o.getString("platform")).isIn("GENERALIST", "VSS");
                case "sheet" -> assertThat(o.getString("sheet")).matches("[a-z0-9-]+");
                default -> {}
            }
        }
    }

    private static void collect(JsonObject node, int depth, List<JsonObject> leaves) {
        assertThat(depth).as(node.getString("label")).isLessThanOrEqualTo(5);
        assertThat(node.getString("label")).isNotBlank();
        if (node.containsKey("orientation")) {
            assertThat(node.containsKey("children")).isFalse();
            leaves.add(node.getJsonObject("orientation"));
        } else {
            assertThat(node.getJsonArray("children"))
                    .as(node.getString("label"))
                    .isNotEmpty();
            node.getJsonArray("children").getValuesAs(JsonObject.class).forEach(c -> collect(c, depth + 1, leaves));
        }
    }

    @Test
    void aNodeIsServedByItsPath() {
        var door = scenario.anonymous().get("/orientation?node=1");
        assertThat(door.status()).as(door.toString()).isEqualTo(200);
        assertThat(door.json().getString("label")).isEqualTo(VICTIM);
        assertThat(scenario.anonymous().get("/orientation?node=9-9").json().getString("error"))
                .isEqualTo("node_not_found");
        assertThat(scenario.anonymous().get("/orientation?node=%3Cscript%3E").status())
                .isEqualTo(400);
    }

    @Test
    void anAdministratorPublishesAValidTreeServedAtOnce() {
        JsonObject served = tree();
        String version = "test-" + UUID.randomUUID().toString().substring(0, 8);
        var published = scenario.as("admin").put("/orientation", withVersion(served, version));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().getString("version")).isEqualTo(version);
        assertThat(published.json().getInt("leaves")).isGreaterThanOrEqualTo(100);
        assertThat(published.json().getString("publishedBy")).isEqualTo("admin");
        assertThat(tree().getString("version")).isEqualTo(version);
        assertThat(tree()).isEqualTo(withVersionJson(served, version));

        // back to the same tree under its own version, for the other tests of the shared server
        var restored = scenario.as("admin").put("/orientation", served.toString());
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(tree()).isEqualTo(served);
    }

    @Test
    void anInvalidTreeIsRefusedWithItsProblemsAndNothingChanges() {
        JsonObject before = tree();
        String broken = before.toString()
                .replace("\"phone\":\"3919\"", "\"phone\":\"trois-neuf\"")
                .replace("\"sheet\":\"porter-plainte\"", "\"sheet\":\"fiche-inconnue\"");
        var refused = scenario.as("admin").put("/orientation", broken);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().getString("error")).isEqualTo("invalid_orientation");
        assertThat(refused.json().getString("message")).isNotBlank();
        assertThat(refused.json().getJsonArray("problems").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString))
                .anyMatch(p -> p.contains("numéro de téléphone invalide"))
                .anyMatch(p -> p.contains("fiche pratique inconnue : \"fiche-inconnue\""));
        assertThat(scenario.as("admin")
                        .put("/orientation", "{\"version\":\"x\",\"label\":\"Accueil\",\"children\":[]}")
                        .json()
                        .getJsonArray("problems")
                        .getString(0))
                .contains("impasse");
        assertThat(scenario.as("admin").put("/orientation", "{pas du json").status())
                .isEqualTo(400);
        assertThat(tree()).as("unchanged").isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorReplacesTheTree() {
        JsonObject before = tree();
        String body = withVersion(before, "intrus");
        assertThat(scenario.as("operateur").put("/orientation", body).status()).isEqualTo(403);
        assertThat(scenario.anonymous().put("/orientation", body).status()).isEqualTo(401);
        assertThat(tree().getString("version")).isEqualTo(before.getString("version"));
    }

    static String withVersion(JsonObject tree, String version) {
        return withVersionJson(tree, version).toString();
    }

    static JsonObject withVersionJson(JsonObject tree, String version) {
        return Json.createObjectBuilder(tree).add("version", version).build();
    }

    static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }
}
