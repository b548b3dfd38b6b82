package fr.relais.supervision.view;

import fr.relais.directory.boundary.Directory;
import fr.relais.intake.boundary.Intake;
import fr.relais.intake.control.Topic;
import fr.relais.intake.entity.Chat;
import fr.relais.intake.view.Waiting;
import fr.relais.operators.boundary.OperatorStatus;
import fr.relais.operators.boundary.Operators;
import fr.relais.shared.Platform;
import fr.relais.shared.view.Messages;
import fr.relais.supervision.boundary.Supervision;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    Intake intake;

    @EJB
    Operators operators;

    @EJB
    Directory directory;

    Clock clock = Clock.systemUTC();

    private Platform platform;
    private Instant loadedAt;
    private Supervision.ChatFigures lastHour;
    private Supervision.ChatFigures lastDay;
    private List<Chat> waiting;
    private List<OperatorStatus> team;

    @PostConstruct
    void init() {
        platform = directory.currentCaller().platform();
        refresh();
    }

    public void refresh() {
        loadedAt = clock.instant();
        lastHour = supervision.chats(platform, loadedAt.minus(Duration.ofHours(1)), loadedAt);
        lastDay = supervision.chats(platform, loadedAt.minus(Duration.ofDays(1)), loadedAt);
        waiting = intake.queue();
        team = operators.team();
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
