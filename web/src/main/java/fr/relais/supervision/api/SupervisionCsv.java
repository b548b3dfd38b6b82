package fr.relais.supervision.api;

import fr.relais.intake.entity.Chat;
import fr.relais.operators.boundary.OperatorStatus;
import fr.relais.shared.Csv;
import fr.relais.supervision.boundary.Supervision;
import fr.relais.supervision.control.HourlyVolumes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The supervision's tables as CSV files ({@link Csv}: quoted, formulas inert), the same for the JSON
 * calls' {@code ?format=csv} and the screens' download buttons. Column names are the JSON's.
 */
public final class SupervisionCsv {
    public static final String TEXT_CSV = "text/csv";

    private SupervisionCsv() {}

    public static String chats(List<Supervision.ChatFigures> periods) {
        Csv out = Csv.comma()
                .row(
                        "platform",
                        "from",
                        "to",
                        "waiting",
                        "oldestWaitSeconds",
                        "waitingOverTarget",
                        "opened",
                        "taken",
                        "takenWithinTarget",
                        "shareTakenWithinTarget",
                        "delayMedianSeconds",
                        "delayP90Seconds",
                        "delayP99Seconds",
                        "breaches",
                        "percentileMethod");
        for (var f : periods) {
            out.row(
                    f.platform(),
                    f.from(),
                    f.to(),
                    f.waiting(),
                    f.oldestWaitSeconds(),
                    f.waitingOverTarget(),
                    f.opened(),
                    f.taken(),
                    f.takenWithinTarget(),
                    f.shareTakenWithinTarget(),
                    f.delayMedianSeconds(),
                    f.delayP90Seconds(),
                    f.delayP99Seconds(),
                    f.breaches(),
                    f.percentileMethod());
        }
        return out.toString();
    }

    public static String handoffs(List<Supervision.UnitFigures> units) {
        Csv out = Csv.comma()
                .row(
                        "unitCode",
                        "unitName",
                        "kind",
                        "department",
                        "sent",
                        "acknowledged",
                        "takenOver",
                        "declined",
                        "backlog",
                        "acknowledgementMedianSeconds",
                        "acknowledgementP90Seconds",
                        "breaches");
        for (var u : units) {
            out.row(
                    u.unitCode(),
                    u.unitName(),
                    u.kind(),
                    u.department(),
                    u.sent(),
                    u.acknowledged(),
                    u.takenOver(),
                    u.declined(),
                    u.backlog(),
                    u.acknowledgementMedianSeconds(),
                    u.acknowledgementP90Seconds(),
                    u.breaches());
        }
        return out.toString();
    }

    public static String lifecycle(List<Supervision.StageReport> reports) {
        Csv out = Csv.comma()
                .row(
                        "reportId",
                        "reference",
                        "stage",
                        "status",
                        "category",
                        "priority",
                        "door",
                        "since",
                        "secondsInStage",
                        "dueAt",
                        "secondsLeft",
                        "breach");
        for (var r : reports) {
            out.row(
                    r.reportId(),
                    r.reference(),
                    r.stage(),
                    r.status(),
                    r.category(),
                    r.priority(),
                    r.door(),
                    r.since(),
                    r.secondsInStage(),
                    r.dueAt(),
                    r.secondsLeft(),
                    r.breach());
        }
        return out.toString();
    }

    /** One line an hour: totals, drug trafficking on its own, then a column per platform and per door. */
    public static String trends(Supervision.Trends trends) {
        TreeSet<String> platforms = new TreeSet<>();
        TreeSet<String> doors = new TreeSet<>();
        for (var h : trends.hours()) {
            platforms.addAll(h.byPlatform().keySet());
            doors.addAll(h.byDoor().keySet());
        }
        List<Object> header = new ArrayList<>(
                List.of("hour", "localHour", "night", "reports", "drugTrafficking", "otherCategories", "unqualified"));
        platforms.forEach(p -> header.add("platform:" + p));
        doors.forEach(d -> header.add("door:" + d));
        Csv out = Csv.comma().row(header);
        for (HourlyVolumes.Hour h : trends.hours()) {
            List<Object> line = new ArrayList<>(List.of(
                    h.hour(),
                    h.local(),
                    h.night(),
                    h.reports(),
                    h.drugTrafficking(),
                    h.otherCategories(),
                    h.unqualified()));
            platforms.forEach(p -> line.add(h.byPlatform().getOrDefault(p, 0L)));
            doors.forEach(d -> line.add(h.byDoor().getOrDefault(d, 0L)));
            out.row(line);
        }
        return out.toString();
    }

    public static String waiting(List<Chat> chats, Instant at) {
        Csv out = Csv.comma().row("chatId", "door", "topic", "dangerNow", "queuedAt", "waitingSeconds");
        for (Chat c : chats) {
            out.row(
                    c.id(),
                    c.door(),
                    c.topic(),
                    c.dangerNow(),
                    c.queuedAt(),
                    java.time.Duration.between(c.createdAt(), at).toSeconds());
        }
        return out.toString();
    }

    public static String team(List<OperatorStatus> team) {
        Csv out = Csv.comma().row("username", "displayName", "status", "since", "held", "cap");
        for (OperatorStatus o : team) {
            out.row(o.username(), o.displayName(), o.status(), o.since(), o.held(), o.cap());
        }
        return out.toString();
    }
}
