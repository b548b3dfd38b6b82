package fr.relais.intake.view;

import fr.relais.intake.control.Topic;
import fr.relais.shared.Platform;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The citizens' public pages (no account, {@code /citoyen/}): the three doors, the topics behind
 * a door ({@code ?porte=}), the chat on a topic ({@code ?sujet=}). The topic decides the platform
 * on the server when the chat opens; the page only says which emergency numbers fit.
 */
@Named
@RequestScoped
public class OrientationView {
    private Topic.Door door;
    private Topic topic;

    @PostConstruct
    void read() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        topic = Topic.of(params.get("sujet")).orElse(null);
        door = topic != null ? topic.door() : door(params.get("porte"));
    }

    private static Topic.Door door(String code) {
        return Arrays.stream(Topic.Door.values())
                .filter(d -> d.name().equals(code))
                .findFirst()
                .orElse(null);
    }

    public List<Topic.Door> getDoors() {
        return List.of(Topic.Door.values());
    }

    public List<Topic> getTopics() {
        return door == null ? List.of() : Topic.behind(door);
    }

    public Topic.Door getDoor() {
        return door;
    }

    public Topic getTopic() {
        return topic;
    }

    /** Whether the sexual and sexist violence helpline (3919) belongs on the page: a VSS topic, or a choice of topics. */
    public boolean isVss() {
        return topic == null ? door != null : topic.platform() == Platform.VSS;
    }
}
