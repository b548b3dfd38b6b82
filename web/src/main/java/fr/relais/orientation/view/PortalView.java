package fr.relais.orientation.view;

import fr.relais.intake.control.Topic;
import fr.relais.orientation.boundary.Orientations;
import fr.relais.orientation.control.OrientationTree;
import fr.relais.orientation.control.OrientationTree.Kind;
import fr.relais.orientation.control.OrientationTree.Node;
import fr.relais.orientation.control.OrientationTree.Orientation;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The portal's orientation pages ({@code /citoyen/orientation.xhtml?n=<path>}): a page per node of the
 * tree, with its breadcrumbs; a final node shows its orientation and the one action that follows
 * (a link, a phone number, the chat on its topic, a practical sheet, the nearest units). The home
 * page takes the three doors from here too.
 */
@Named
@RequestScoped
public class PortalView {
    /** A choice and where it leads. */
    public record Choice(String label, String path, String hint) {}

    @EJB
    Orientations orientations;

    private OrientationTree tree;
    private List<Node> trail;
    private String contextPath;

    @PostConstruct
    void read() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        contextPath = external.getRequestContextPath();
        tree = orientations.current().tree();
        String path = external.getRequestParameterMap().get("n");
        trail = tree.trail(path).orElse(null);
        if (trail == null) {
            external.setResponseStatus(404);
        }
    }

    /** Whether the address names a node of the tree (an old bookmark may not). */
    public boolean isFound() {
        return trail != null;
    }

    public Node getNode() {
        return trail == null ? null : trail.get(trail.size() - 1);
    }

    public boolean isRoot() {
        return trail != null && trail.size() == 1;
    }

    /** The nodes above this one, from the root, for the breadcrumbs. */
    public List<Node> getAncestors() {
        return trail == null ? List.of() : trail.subList(0, trail.size() - 1);
    }

    /** The path of the node one click back; empty for the root's children (the root lists the doors). */
    public String getParentPath() {
        return trail == null || trail.size() < 2
                ? ""
                : trail.get(trail.size() - 2).path();
    }

    /** The doors: the root's choices, each with the first choices behind it as a hint. */
    public List<Choice> getDoors() {
        return tree.root().children().stream().map(PortalView::choice).toList();
    }

    public List<Choice> getChoices() {
        Node node = getNode();
        return node == null
                ? List.of()
                : node.children().stream().map(PortalView::choice).toList();
    }

    private static Choice choice(Node node) {
        String hint = node.isLeaf()
                ? node.orientation().title()
                : node.children().stream().limit(3).map(Node::label).collect(Collectors.joining(" · "))
                        + (node.children().size() > 3 ? " …" : "");
        return new Choice(node.label(), node.path(), hint);
    }

    public Orientation getOrientation() {
        Node node = getNode();
        return node == null ? null : node.orientation();
    }

    /** The kind in lower case, for the page's classes and texts. */
    public String getKind() {
        Orientation o = getOrientation();
        return o == null ? null : o.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Where the leaf's action leads: an address, a {@code tel:} or {@code sms:} link, a page of the portal. */
    public String getActionHref() {
        Orientation o = getOrientation();
        if (o == null) {
            return null;
        }
        return switch (o.kind()) {
            case PROCEDURE -> o.url().startsWith("/") ? contextPath + o.url() : o.url();
            case HELPLINE -> (isSms() ? "sms:" : "tel:") + o.dialable();
            case CHAT -> contextPath + "/citoyen/chat.xhtml?sujet=" + encode(o.topic());
            case SHEET -> contextPath + "/citoyen/fiche.xhtml?id=" + encode(o.sheet());
            case UNITS -> contextPath + "/citoyen/unites.xhtml";
        };
    }

    /** The emergency SMS numbers take a text message, not a call. */
    public boolean isSms() {
        Orientation o = getOrientation();
        return o != null
                && o.kind() == Kind.HELPLINE
                && ("114".equals(o.dialable()) || o.title().contains("SMS"));
    }

    /** Whether the action leaves the portal for another site. */
    public boolean isExternal() {
        Orientation o = getOrientation();
        return o != null && o.kind() == Kind.PROCEDURE && !o.url().startsWith("/");
    }

    /** The host of an external procedure, said beside its link. */
    public String getHost() {
        return isExternal()
                ? java.net.URI.create(getOrientation().url()).getHost().replaceFirst("^www\\.", "")
                : null;
    }

    /** The title of the practical sheet a leaf points at. */
    public String getSheetTitle() {
        Orientation o = getOrientation();
        return o == null || o.sheet() == null ? null : orientations.sheets().getOrDefault(o.sheet(), o.sheet());
    }

    /** Whether the chat of this leaf is the sexual and sexist violence platform's. */
    public boolean isVss() {
        Orientation o = getOrientation();
        return o != null && o.kind() == Kind.CHAT && "VSS".equals(o.platform());
    }

    /** The chat's topics by door, for the page that lists them all. */
    public Map<Topic.Door, List<Topic>> getTopicsByDoor() {
        return java.util.Arrays.stream(Topic.Door.values())
                .collect(Collectors.toMap(
                        d -> d, Topic::behind, (a, b) -> a, () -> new java.util.EnumMap<>(Topic.Door.class)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
