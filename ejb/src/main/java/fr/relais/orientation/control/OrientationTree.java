package fr.relais.orientation.control;

import fr.relais.shared.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A validated orientation tree, references resolved: every node has a label and either children or
 * an orientation. A node is addressed by its path of 1-based child positions from the root, joined
 * by dashes ({@code "1-4-2"}); the root's path is empty.
 */
public record OrientationTree(String version, Node root) {
    /** At most this many clicks from the home page (the root) to a final orientation. */
    public static final int MAX_DEPTH = 5;

    public enum Kind {
        /** An online procedure (téléservice): {@code url}. */
        PROCEDURE,
        /** The chat, on the platform of its {@code topic}. */
        CHAT,
        /** A phone line: {@code phone}. */
        HELPLINE,
        /** The nearest police stations and gendarmeries. */
        UNITS,
        /** A practical sheet: {@code sheet}. */
        SHEET
    }

    /** What a final node offers; {@code url}, {@code phone}, {@code sheet}, {@code topic} as the kind needs. */
    public record Orientation(
            Kind kind,
            String title,
            String text,
            String url,
            String phone,
            String sheet,
            String topic,
            String platform) {
        /** The phone number as a {@code tel:} link takes it: digits only. */
        public String dialable() {
            return phone == null ? null : phone.replaceAll("[^0-9+]", "");
        }
    }

    public record Node(String path, String label, List<Node> children, Orientation orientation) {
        public Node {
            children = children == null ? List.of() : Collections.unmodifiableList(children);
        }

        public boolean isLeaf() {
            return orientation != null;
        }

        /** The path of this node's {@code position}-th child (1-based). */
        static String childPath(String parent, int position) {
            return parent.isEmpty() ? String.valueOf(position) : parent + "-" + position;
        }
    }

    /** The node at that path, if there is one. */
    public Optional<Node> find(String path) {
        return trail(path).map(t -> t.get(t.size() - 1));
    }

    /** The nodes from the root down to the node at that path (both included), if there is one. */
    public Optional<List<Node>> trail(String path) {
        List<Node> trail = new ArrayList<>();
        Node node = root;
        trail.add(node);
        if (path == null || path.isBlank()) {
            return Optional.of(trail);
        }
        if (!path.matches("[1-9][0-9]{0,2}(-[1-9][0-9]{0,2}){0," + (MAX_DEPTH - 1) + "}")) {
            return Optional.empty();
        }
        for (String step : path.split("-")) {
            int position = Integer.parseInt(step);
            if (position > node.children().size()) {
                return Optional.empty();
            }
            node = node.children().get(position - 1);
            trail.add(node);
        }
        return Optional.of(trail);
    }

    public int leafCount() {
        int[] count = {0};
        visit(root, n -> {
            if (n.isLeaf()) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** Every final node, in the order of the tree. */
    public List<Node> leaves() {
        List<Node> leaves = new ArrayList<>();
        visit(root, n -> {
            if (n.isLeaf()) {
                leaves.add(n);
            }
        });
        return leaves;
    }

    private static void visit(Node node, Consumer<Node> action) {
        action.accept(node);
        node.children().forEach(c -> visit(c, action));
    }

    /** The tree as {@code GET /api/v1/orientation} serves it: the root node, with the version. */
    public JsonObject toJson() {
        JsonObjectBuilder root = node(this.root);
        root.add("version", version);
        return root.build();
    }

    private static JsonObjectBuilder node(Node node) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder().add("label", node.label());
        if (node.isLeaf()) {
            Orientation o = node.orientation();
            JsonObjectBuilder orientation = Jsonp.createObjectBuilder()
                    .add("kind", o.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .add("title", o.title());
            add(orientation, "text", o.text());
            add(orientation, "url", o.url());
            add(orientation, "phone", o.phone());
            add(orientation, "sheet", o.sheet());
            add(orientation, "topic", o.topic());
            add(orientation, "platform", o.platform());
            json.add("orientation", orientation);
        } else {
            JsonArrayBuilder children = Jsonp.createArrayBuilder();
            node.children().forEach(c -> children.add(node(c)));
            json.add("children", children);
        }
        return json;
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
