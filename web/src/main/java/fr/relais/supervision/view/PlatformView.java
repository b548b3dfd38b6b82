package fr.relais.supervision.view;

import fr.relais.directory.boundary.Directory;
import fr.relais.intake.control.Topic;
import fr.relais.intake.entity.Chat;
import fr.relais.intake.view.Waiting;
import fr.relais.operators.boundary.OperatorStatus;
import fr.relais.operators.boundary.Operators;
import fr.relais.shared.Platform;
import fr.relais.shared.view.Messages;
import fr.relais.supervision.api.SupervisionCsv;
import fr.relais.supervision.boundary.Supervision;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.model.StreamedContent;

/**
 * The supervisor's live view of their platform: the chats waiting with their waiting times, the
 * operators with their statuses and what they hold against their caps, and the take-in-charge figures
 * of the last hour and the last 24 hours. Redrawn when the platform's queue changes (the queue push of
 * the operators' console) and every 30 seconds for the operators' statuses.
 */
@Named
@ViewScoped
public class PlatformView implements Serializable {
    @EJB
    Supervision supervision;

    @EJB
    Operators operators;

    @EJB
    Directory directory;

    private Platform platform;
    private Instant loadedAt;
    private Supervision.ChatFigures lastHour;
    private Supervision.ChatFigures lastDay;
    private List<Chat> waiting;
    private List<OperatorStatus> team;

    @PostConstruct
    void init() {
        platform = SupervisedPlatform.of(directory.currentCaller());
        refresh();
    }

    /** One read of the waiting chats serves both periods' figures and the table. */
    public void refresh() {
        Supervision.Live live = supervision.live(platform);
        loadedAt = live.at();
        lastHour = live.lastHour();
        lastDay = live.lastDay();
        waiting = live.waiting();
        team = operators.teamOf(platform);
    }

    public StreamedContent getFiguresCsv() {
        return SupervisedPlatform.csv("plateforme-chiffres.csv", SupervisionCsv.chats(List.of(lastHour, lastDay)));
    }

    public StreamedContent getWaitingCsv() {
        return SupervisedPlatform.csv("plateforme-attente.csv", SupervisionCsv.waiting(waiting, loadedAt));
    }

    public StreamedContent getTeamCsv() {
        return SupervisedPlatform.csv("plateforme-operateurs.csv", SupervisionCsv.team(team));
    }

    public long waitingSeconds(Chat chat) {
        return Waiting.seconds(chat.createdAt(), loadedAt);
    }

    public String waitingMarker(Chat chat) {
        return Waiting.marker(waitingSeconds(chat));
    }

    public String topicLabel(String topic) {
        return Topic.of(topic).map(t -> Messages.text("topic." + t.name())).orElse(topic);
    }

    /** A share as a whole percentage, or a dash when nothing was taken. */
    public String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + " %";
    }

    public String seconds(Long value) {
        return value == null ? "—" : value + " s";
    }

    public int held() {
        return team.stream().mapToInt(OperatorStatus::held).sum();
    }

    public long available() {
        return team.stream()
                .filter(o -> "AVAILABLE".equals(String.valueOf(o.status())))
                .count();
    }

    public String getPlatform() {
        return platform == null ? null : platform.name();
    }

    public Supervision.ChatFigures getLastHour() {
        return lastHour;
    }

    public Supervision.ChatFigures getLastDay() {
        return lastDay;
    }

    public List<Chat> getWaiting() {
        return waiting;
    }

    public List<OperatorStatus> getTeam() {
        return team;
    }
}
