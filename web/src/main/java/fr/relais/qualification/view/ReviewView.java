package fr.relais.qualification.view;

import fr.relais.anonymisation.control.EntityType;
import fr.relais.qualification.boundary.ReviewEntities;
import fr.relais.qualification.entity.FactsWhen;
import fr.relais.qualification.entity.Report;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The operator reviews what will leave the platform, corrects it if needed, and forwards it. */
@Named
@ViewScoped
public class ReviewView extends ReportPage {
    private String outgoing;

    /** The entities the engine found in the original, with their state in the outgoing text being reviewed. */
    private List<ReviewEntities.Entity> entities = List.of();

    /** The text the operator selected in the outgoing text to mask (set by review.js). */
    private String selection;

    /** The type of what is masked, an {@code EntityType} name. */
    private String selectionType = EntityType.PERSON_NAME.name();

    /** Why the entity released next may leave as it is (required, recorded). */
    private String entityReason;

    @Override
    public void load() {
        super.load();
        if (outgoing == null && report != null) {
            outgoing = report.outgoingNarrative();
        }
        refreshEntities();
    }

    private void refreshEntities() {
        if (!isReviewable()) {
            entities = List.of();
            return;
        }
        try {
            entities = qualifications.reviewEntities(id, outgoing).entities();
        } catch (DomainException e) {
            Messages.refused(e);
            entities = List.of();
        }
    }

    /** "Masquer la sélection": every occurrence of the selected text becomes a placeholder of the chosen type. */
    public void maskSelection() {
        try {
            outgoing = qualifications.addRedaction(id, selection, selectionType, outgoing);
            selection = null;
            Messages.info("review.entity.masked");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        refreshEntities();
    }

    /** "Libérer": the entity's value goes back in place of its placeholder, with the reason given. */
    public void release(int index) {
        try {
            outgoing = qualifications.releaseRedaction(id, index, entityReason, outgoing);
            entityReason = null;
            Messages.info("review.entity.released");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        refreshEntities();
    }

    public List<ReviewEntities.Entity> getEntities() {
        return entities;
    }

    /** The original narrative cut into plain pieces and the entities found, for highlighting. */
    public List<Segment> getOriginalSegments() {
        String text = report == null ? null : report.narrative();
        if (text == null) {
            return List.of();
        }
        List<Mark> marks = new ArrayList<>();
        for (ReviewEntities.Entity e : entities) {
            marks.add(
                    new Mark(e.start(), e.end(), e.type(), e.label(), e.state().name()));
        }
        return Segment.cut(text, marks);
    }

    /**
     * The outgoing text as it stands, cut into plain pieces and entities: the placeholders (redacted, by
     * the engine or by the operator) and the values released.
     */
    public List<Segment> getOutgoingSegments() {
        String text = outgoing == null ? "" : outgoing;
        List<Mark> marks = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            EntityType type = LABELS.get(m.group(1));
            marks.add(new Mark(m.start(), m.end(), type.name(), type.label(), ReviewEntities.State.REDACTED.name()));
        }
        for (ReviewEntities.Entity e : entities) {
            if (e.state() == ReviewEntities.State.RELEASED) {
                for (int i = text.indexOf(e.value()); i >= 0; i = text.indexOf(e.value(), i + 1)) {
                    marks.add(new Mark(
                            i,
                            i + e.value().length(),
                            e.type(),
                            e.label(),
                            e.state().name()));
                }
            }
        }
        return Segment.cut(text, marks);
    }

    /** The types an operator may choose when masking a selection, with their French labels. */
    public List<EntityType> getEntityTypes() {
        return List.of(EntityType.values());
    }

    private static final Map<String, EntityType> LABELS = new LinkedHashMap<>();

    static {
        for (EntityType t : EntityType.values()) {
            LABELS.put(t.label(), t);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[("
            + LABELS.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|"))
            + ") [0-9a-f]{1,10}\\]");

    private record Mark(int start, int end, String type, String label, String state) {}

    /** A piece of a text: plain ({@code type} null) or an entity of {@code type}, in {@code state}. */
    public record Segment(String text, String type, String label, String state) implements Serializable {
        static List<Segment> cut(String text, List<Mark> marks) {
            List<Mark> sorted = new ArrayList<>(marks);
            sorted.sort(Comparator.comparingInt(Mark::start));
            List<Segment> out = new ArrayList<>();
            int cursor = 0;
            for (Mark mark : sorted) {
                if (mark.start() < cursor || mark.end() > text.length()) {
                    continue; // overlaps one already placed
                }
                if (mark.start() > cursor) {
                    out.add(new Segment(text.substring(cursor, mark.start()), null, null, null));
                }
                out.add(new Segment(text.substring(mark.start(), mark.end()), mark.type(), mark.label(), mark.state()));
                cursor = mark.end();
            }
            if (cursor < text.length()) {
                out.add(new Segment(text.substring(cursor), null, null, null));
            }
            return out;
        }

        public boolean isEntity() {
            return type != null;
        }
    }

    public String getSelection() {
        return selection;
    }

    public void setSelection(String selection) {
        this.selection = selection;
    }

    public String getSelectionType() {
        return selectionType;
    }

    public void setSelectionType(String selectionType) {
        this.selectionType = selectionType;
    }

    public String getEntityReason() {
        return entityReason;
    }

    public void setEntityReason(String entityReason) {
        this.entityReason = entityReason;
    }

    /** Why what the engine finds identifying in a hand correction may leave anyway (recorded). */
    private String releaseReason;

    public boolean isReviewable() {
        return isAt(Report.Status.IN_REVIEW);
    }

    /** The engine is still preparing the outgoing narrative: the page polls until it is there. */
    public boolean isPreparing() {
        return isAt(Report.Status.ANONYMISING);
    }

    public String approve() {
        try {
            qualifications.review(id, outgoing, releaseReason);
            Messages.info("review.forwarded");
            return "/operator/tasks?faces-redirect=true";
        } catch (DomainException e) {
            Messages.refused(e);
            return null;
        }
    }

    /** When the facts happened, in the time of the place's department, which it names. */
    public String getFactsWhen() {
        FactsWhen when = report == null ? null : report.factsWhen();
        String text = FactsWhenText.of(when, Messages::text);
        return when == null || when.zone() == null
                ? text
                : text + " (" + Messages.text("when.zone." + when.zone().getId()) + ")";
    }

    public String getReleaseReason() {
        return releaseReason;
    }

    public void setReleaseReason(String releaseReason) {
        this.releaseReason = releaseReason;
    }

    public String getOutgoing() {
        return outgoing;
    }

    public void setOutgoing(String outgoing) {
        this.outgoing = outgoing;
    }
}
