package fr.relais.orientation.control;

import fr.relais.intake.control.Topic;
import fr.relais.orientation.control.OrientationTree.Kind;
import fr.relais.orientation.control.OrientationTree.Node;
import fr.relais.orientation.control.OrientationTree.Orientation;
import fr.relais.shared.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an orientation tree and checks every rule a visitor relies on: no dead end (a node with no
 * choice), no cycle, at most {@link OrientationTree#MAX_DEPTH} clicks from the home page to a final
 * orientation, every leaf an orientation of a known kind, every link well formed (an https address
 * or one of the portal's own pages, a phone number's shape, a practical sheet that exists, a chat
 * topic that exists). A node may stand for another one declared with an {@code "id"}
 * ({@code "goto": "<id>"}) so that a branch is written once and reached from several doors.
 * The problems are in French: administrators read them.
 */
public final class OrientationValidator {
    public static final int MAX_LABEL = 200;
    public static final int MAX_TEXT = 1000;
    public static final int MAX_URL = 500;
    public static final int MAX_VERSION = 40;
    public static final int MAX_NODES = 5000;
    static final int MAX_PROBLEMS = 100;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{1,4}( ?[0-9]{1,4}){0,5}");
    private static final Pattern INTERNAL_PAGE = Pattern.compile("/citoyen/[a-z0-9-]+\\.xhtml(\\?[A-Za-z0-9=&_-]+)?");

    private final Set<String> sheets;

    /** @param sheets the ids of the practical sheets a leaf may point at */
    public OrientationValidator(Set<String> sheets) {
        this.sheets = Set.copyOf(sheets);
    }

    /** The tree if it is valid, otherwise the problems found (never both). */
    public record Result(OrientationTree tree, List<String> problems) {
        public boolean valid() {
            return tree != null;
        }
    }

    public Result validate(String json) {
        JsonObject root;
        try (JsonReader reader = Jsonp.createReader(new StringReader(json == null ? "" : json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return invalid("Le document doit être un objet JSON : le nœud racine.");
            }
            root = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            return invalid("Le document n'est pas un JSON valide.");
        }
        return new Run(root).result();
    }

    private static Result invalid(String problem) {
        return new Result(null, List.of(problem));
    }

    /** One validation: the ids declared, the problems found, the nodes made. */
    private final class Run {
        private final JsonObject root;
        private final List<String> problems = new ArrayList<>();
        private final Map<String, JsonObject> ids = new HashMap<>();
        private int nodes;

        Run(JsonObject root) {
            this.root = root;
        }

        Result result() {
            String version = string(root, "version");
            if (version == null || version.isBlank()) {
                problem("Accueil", "le champ \"version\" manque.");
            } else if (version.length() > MAX_VERSION) {
                problem("Accueil", "la version dépasse " + MAX_VERSION + " caractères.");
            }
            collectIds(root, "Accueil");
            if (!root.containsKey("children")) {
                problem("Accueil", "la racine doit proposer des choix (\"children\").");
            }
            Node tree = build(root, "", 0, "Accueil", Collections.newSetFromMap(new IdentityHashMap<>()));
            if (!problems.isEmpty() || tree == null) {
                return new Result(null, List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))));
            }
            return new Result(new OrientationTree(version.strip(), tree), List.of());
        }

        private void collectIds(JsonObject node, String where) {
            if (node.containsKey("id")) {
                String id = string(node, "id");
                if (id == null || !ID.matcher(id).matches()) {
                    problem(where, "identifiant invalide (lettres minuscules, chiffres et tirets).");
                } else if (ids.putIfAbsent(id, node) != null) {
                    problem(where, "l'identifiant \"" + id + "\" est déjà utilisé.");
                }
            }
            JsonValue children = node.get("children");
            if (children != null && children.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue child : children.asJsonArray()) {
                    if (child.getValueType() == JsonValue.ValueType.OBJECT) {
                        JsonObject c = child.asJsonObject();
                        collectIds(c, where + " › " + labelOf(c));
                    }
                }
            }
        }

        /**
         * The node made from that JSON object, or null after recording why not.
         * {@code expanding}: the objects whose content is being built above this one (for cycles).
         */
        private Node build(JsonObject json, String path, int depth, String where, Set<JsonObject> expanding) {
            if (++nodes > MAX_NODES) {
                if (nodes == MAX_NODES + 1) {
                    problem("Accueil", "l'arbre dépasse " + MAX_NODES + " nœuds.");
                }
                return null;
            }
            if (depth > OrientationTree.MAX_DEPTH) {
                problem(where, "plus de " + OrientationTree.MAX_DEPTH + " clics depuis l'accueil.");
                return null;
            }
            String label = string(json, "label");
            if (label == null || label.isBlank()) {
                problem(where, "le libellé (\"label\") manque.");
            } else if (label.length() > MAX_LABEL) {
                problem(where, "le libellé dépasse " + MAX_LABEL + " caractères.");
            }
            JsonObject content = json;
            if (json.containsKey("goto")) {
                if (json.containsKey("children") || json.containsKey("orientation")) {
                    problem(where, "un renvoi (\"goto\") ne peut pas avoir aussi des choix ou une orientation.");
                    return null;
                }
                String target = string(json, "goto");
                content = target == null ? null : ids.get(target);
                if (content == null) {
                    problem(where, "renvoi vers un identifiant inconnu : \"" + target + "\".");
                    return null;
                }
                if (content == json || expanding.contains(content)) {
                    problem(where, "cycle : le renvoi \"" + target + "\" ramène à un choix déjà parcouru.");
                    return null;
                }
                if (content.containsKey("goto")) {
                    problem(where, "un renvoi ne peut pas viser un autre renvoi (\"" + target + "\").");
                    return null;
                }
            }
            boolean hasChildren = content.containsKey("children");
            boolean hasOrientation = content.containsKey("orientation");
            if (hasChildren && hasOrientation) {
                problem(where, "un nœud a soit des choix, soit une orientation, pas les deux.");
                return null;
            }
            if (!hasChildren && !hasOrientation) {
                problem(where, "choix final sans orientation.");
                return null;
            }
            if (hasOrientation) {
                if (depth == 0) {
                    problem(where, "la racine doit proposer des choix.");
                    return null;
                }
                JsonValue o = content.get("orientation");
                if (o.getValueType() != JsonValue.ValueType.OBJECT) {
                    problem(where, "l'orientation doit être un objet.");
                    return null;
                }
                Orientation orientation = orientation(o.asJsonObject(), where);
                return orientation == null ? null : new Node(path, label, List.of(), orientation);
            }
            JsonValue c = content.get("children");
            if (c.getValueType() != JsonValue.ValueType.ARRAY) {
                problem(where, "\"children\" doit être une liste.");
                return null;
            }
            JsonArray array = c.asJsonArray();
            if (array.isEmpty()) {
                problem(where, "impasse : aucun choix proposé.");
                return null;
            }
            expanding.add(json);
            expanding.add(content);
            List<Node> children = new ArrayList<>();
            int position = 0;
            for (JsonValue value : array) {
                position++;
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    problem(where, "le choix n° " + position + " n'est pas un objet.");
                    continue;
                }
                JsonObject child = value.asJsonObject();
                children.add(build(
                        child, Node.childPath(path, position), depth + 1, where + " › " + labelOf(child), expanding));
            }
            expanding.remove(json);
            expanding.remove(content);
            return children.contains(null) ? null : new Node(path, label, children, null);
        }

        private Orientation orientation(JsonObject o, String where) {
            String kindName = string(o, "kind");
            Kind kind = null;
            for (Kind k : Kind.values()) {
                if (k.name().toLowerCase(Locale.ROOT).equals(kindName)) {
                    kind = k;
                }
            }
            if (kind == null) {
                problem(
                        where,
                        "type d'orientation inconnu : \"" + kindName
                                + "\" (procedure, chat, helpline, units ou sheet).");
                return null;
            }
            int before = problems.size();
            String title = string(o, "title");
            if (title == null || title.isBlank()) {
                problem(where, "le titre de l'orientation manque.");
            } else if (title.length() > MAX_LABEL) {
                problem(where, "le titre de l'orientation dépasse " + MAX_LABEL + " caractères.");
            }
            String text = string(o, "text");
            if (text != null && text.length() > MAX_TEXT) {
                problem(where, "le texte dépasse " + MAX_TEXT + " caractères.");
            }
            String url = string(o, "url");
            if (url != null && !wellFormedUrl(url)) {
                problem(where, "adresse invalide : \"" + url + "\" (https://… ou une page /citoyen/…).");
            } else if (url == null && kind == Kind.PROCEDURE) {
                problem(where, "une démarche en ligne a besoin d'une adresse (\"url\").");
            }
            String phone = string(o, "phone");
            if (phone != null && !wellFormedPhone(phone)) {
                problem(where, "numéro de téléphone invalide : \"" + phone + "\".");
            } else if (phone == null && kind == Kind.HELPLINE) {
                problem(where, "une ligne d'écoute a besoin d'un numéro (\"phone\").");
            }
            String sheet = string(o, "sheet");
            if (sheet != null && !sheets.contains(sheet)) {
                problem(where, "fiche pratique inconnue : \"" + sheet + "\".");
            } else if (sheet == null && kind == Kind.SHEET) {
                problem(where, "une fiche pratique a besoin de son identifiant (\"sheet\").");
            }
            String topicName = string(o, "topic");
            String platform = null;
            if (topicName != null || kind == Kind.CHAT) {
                Topic topic = topicName == null ? null : Topic.of(topicName).orElse(null);
                if (topic == null) {
                    problem(where, "sujet de conversation inconnu : \"" + topicName + "\".");
                } else {
                    platform = topic.platform().name();
                    String given = string(o, "platform");
                    if (given != null && !given.equals(platform)) {
                        problem(
                                where,
                                "le sujet \"" + topicName + "\" est traité par la plateforme " + platform + ", pas "
                                        + given + ".");
                    }
                }
            }
            if (problems.size() > before) {
                return null;
            }
            return new Orientation(kind, title.strip(), text, url, phone, sheet, topicName, platform);
        }

        private void problem(String where, String what) {
            problems.add(where + " : " + what);
        }
    }

    static boolean wellFormedUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        if (url.startsWith("/")) {
            return INTERNAL_PAGE.matcher(url).matches();
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            return "https".equals(uri.getScheme())
                    && uri.getUserInfo() == null
                    && host != null
                    && host.contains(".")
                    && !host.endsWith(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean wellFormedPhone(String phone) {
        if (!PHONE.matcher(phone).matches()) {
            return false;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        return digits >= 2 && digits <= 15;
    }

    private static String labelOf(JsonObject node) {
        String label = string(node, "label");
        return label == null || label.isBlank() ? "(sans libellé)" : label;
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }
}
