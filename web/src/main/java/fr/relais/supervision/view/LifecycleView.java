package fr.relais.supervision.view;

import fr.relais.directory.boundary.Directory;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.supervision.api.SupervisionCsv;
import fr.relais.supervision.boundary.Supervision;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.StreamedContent;

/**
 * The lifecycle view ({@code /supervisor/lifecycle.xhtml}): the platform's reports per open stage, each
 * one's time in its stage against the stage's target, breaches first; a click opens the screen that fits
 * the stage (validation, rerouting, or the report's page).
 */
@Named
@ViewScoped
public class LifecycleView implements Serializable {
    @EJB
    Supervision supervision;

    @EJB
    Directory directory;

    private Platform platform;
    private boolean supervisor;
    private Supervision.Lifecycle lifecycle;

    @PostConstruct
    void init() {
        var caller = directory.currentCaller();
        supervisor = caller.has(Role.SUPERVISOR);
        platform = SupervisedPlatform.of(caller);
        refresh();
    }

    public void refresh() {
        lifecycle = supervision.lifecycle(platform);
    }

    /** The screen a click opens: the supervisor acts on validations and reroutings; the rest is read. */
    public String outcome(Supervision.StageReport report) {
        if (supervisor && report.stage() == Supervision.Stage.AWAITING_VALIDATION) {
            return "/supervisor/validation";
        }
        if (supervisor && report.stage() == Supervision.Stage.REROUTING) {
            return "/supervisor/rerouting";
        }
        return "/supervisor/report";
    }

    /** "1 h 05 min", "3 min 20 s": a duration for people. */
    public String duration(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.abs(seconds);
        if (s >= 86_400) {
            return (s / 86_400) + " j " + (s % 86_400) / 3600 + " h";
        }
        if (s >= 3600) {
            return (s / 3600) + " h " + String.format("%02d", (s % 3600) / 60) + " min";
        }
        return (s / 60) + " min " + String.format("%02d", s % 60) + " s";
    }

    public StreamedContent getCsv() {
        return SupervisedPlatform.csv(
                "cycle-de-vie-" + platform.name().toLowerCase() + ".csv",
                SupervisionCsv.lifecycle(lifecycle.reports()));
    }

    public String getPlatform() {
        return platform.name();
    }

    public Map<String, Integer> getCounts() {
        return lifecycle.counts();
    }

    public List<Map.Entry<String, Integer>> getCountList() {
        return List.copyOf(lifecycle.counts().entrySet());
    }

    public int getBreaches() {
        return lifecycle.breaches();
    }

    public List<Supervision.StageReport> getReports() {
        return lifecycle.reports();
    }
}
