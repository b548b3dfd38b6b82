package fr.relais.operators.view;

import fr.relais.operators.boundary.OperatorStatus;
import fr.relais.operators.boundary.Operators;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A supervisor's screen of the platform's operators: status, held conversations, cap to set. */
@Named
@ViewScoped
public class TeamView implements Serializable {
    @EJB
    Operators operators;

    private List<OperatorStatus> team;
    /** The cap typed per operator; blank: back to the configured default. */
    private final Map<String, String> caps = new HashMap<>();

    @PostConstruct
    void init() {
        load();
    }

    void load() {
        team = operators.team();
        caps.clear();
        team.forEach(o -> caps.put(o.username(), o.capSet() ? String.valueOf(o.cap()) : ""));
    }

    public void save(String username) {
        String typed = caps.get(username);
        try {
            Integer cap;
            try {
                cap = typed == null || typed.isBlank() ? null : Integer.valueOf(typed.strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("invalid_cap", Messages.text("operators.cap.invalid"));
            }
            operators.setCap(username, cap);
            Messages.info("operators.cap.saved");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public List<OperatorStatus> getTeam() {
        return team;
    }

    public Map<String, String> getCaps() {
        return caps;
    }
}
