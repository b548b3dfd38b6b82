package fr.relais.supervision.view;

import fr.relais.directory.boundary.Caller;
import fr.relais.directory.boundary.Directory;
import fr.relais.shared.DomainException;
import fr.relais.shared.Jsonp;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.shared.view.Messages;
import fr.relais.supervision.api.SupervisionCsv;
import fr.relais.supervision.boundary.Supervision;
import fr.relais.supervision.control.HourlyVolumes;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.primefaces.model.StreamedContent;

/**
 * The trends ({@code /supervisor/trends.xhtml}): reports per hour over the chosen days (Paris), night
 * hours marked, by category (drug trafficking on its own), by platform and by door, as PrimeFaces charts
 * ({@code p:chart}, a Chart.js configuration built here) and as a table; both from {@link
 * Supervision#trends} (hourly aggregates).
 */
@Named
@ViewScoped
public class TrendsView implements Serializable {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("dd/MM HH'h'");
    private static final String DAY = "rgba(0, 0, 145, 0.85)";
    private static final String NIGHT = "rgba(22, 22, 22, 0.85)";

    @EJB
    Supervision supervision;

    @EJB
    Directory directory;

    Clock clock = Clock.systemUTC();

    private Platform platform;
    private boolean admin;
    private String scope = "";
    private LocalDate from;
    private LocalDate to;
    private Supervision.Trends trends;

    @PostConstruct
    void init() {
        Caller caller = directory.currentCaller();
        admin = caller.has(Role.ADMIN);
        platform = admin ? null : caller.platform();
        to = LocalDate.ofInstant(clock.instant(), HourlyVolumes.ZONE);
        from = to.minusDays(1);
        show();
    }

    /** Loads the chosen days (both included). */
    public void show() {
        try {
            if (admin) {
                platform = scope == null || scope.isBlank() ? null : Platform.valueOf(scope);
            }
            trends = supervision.trends(
                    platform,
                    from.atStartOfDay(HourlyVolumes.ZONE).toInstant(),
                    to.plusDays(1).atStartOfDay(HourlyVolumes.ZONE).toInstant());
        } catch (DomainException e) {
            Messages.refused(e);
        }
    }

    /** Reports per hour by category: drug trafficking, the other categories, not qualified yet. */
    public String getCategoryChart() {
        return chart(List.of(
                dataset(
                        Messages.text("trends.drugTrafficking"),
                        "rgba(206, 5, 0, 0.85)",
                        HourlyVolumes.Hour::drugTrafficking),
                dataset(Messages.text("trends.otherCategories"), null, HourlyVolumes.Hour::otherCategories),
                dataset(
                        Messages.text("trends.unqualified"),
                        "rgba(150, 150, 150, 0.85)",
                        HourlyVolumes.Hour::unqualified)));
    }

    public String getPlatformChart() {
        TreeSet<String> platforms = new TreeSet<>();
        trends.hours().forEach(h -> platforms.addAll(h.byPlatform().keySet()));
        String[] colours = {"rgba(0, 0, 145, 0.85)", "rgba(106, 106, 244, 0.85)"};
        int i = 0;
        List<JsonObjectBuilder> sets = new java.util.ArrayList<>();
        for (String p : platforms) {
            sets.add(
                    dataset(Messages.text("operators.platform." + p), colours[i++ % colours.length], h -> h.byPlatform()
                            .getOrDefault(p, 0L)));
        }
        return chart(sets);
    }

    public String getDoorChart() {
        TreeSet<String> doors = new TreeSet<>();
        trends.hours().forEach(h -> doors.addAll(h.byDoor().keySet()));
        String[] colours = {
            "rgba(0, 0, 145, 0.85)", "rgba(24, 117, 60, 0.85)", "rgba(183, 103, 0, 0.85)", "rgba(106, 106, 244, 0.85)"
        };
        int i = 0;
        List<JsonObjectBuilder> sets = new java.util.ArrayList<>();
        for (String d : doors) {
            sets.add(dataset(
                    doorLabel(d), colours[i++ % colours.length], h -> h.byDoor().getOrDefault(d, 0L)));
        }
        return chart(sets);
    }

    private JsonObjectBuilder dataset(String label, String colour, ToLongFunction<HourlyVolumes.Hour> value) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        JsonArrayBuilder colours = Jsonp.createArrayBuilder();
        for (var h : trends.hours()) {
            data.add(value.applyAsLong(h));
            colours.add(colour != null ? colour : h.night() ? NIGHT : DAY);
        }
        return Jsonp.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colours);
    }

    /** A stacked bar chart, one bar an hour, the night hours' labels marked. */
    private String chart(List<JsonObjectBuilder> datasets) {
        JsonArrayBuilder labels = Jsonp.createArrayBuilder();
        for (var h : trends.hours()) {
            labels.add(label(h));
        }
        JsonArrayBuilder sets = Jsonp.createArrayBuilder();
        datasets.forEach(sets::add);
        var stacked = Jsonp.createObjectBuilder().add("stacked", true);
        return Jsonp.createObjectBuilder()
                .add("type", "bar")
                .add("data", Jsonp.createObjectBuilder().add("labels", labels).add("datasets", sets))
                .add(
                        "options",
                        Jsonp.createObjectBuilder()
                                .add("animation", false)
                                .add(
                                        "scales",
                                        Jsonp.createObjectBuilder()
                                                .add("x", stacked)
                                                .add(
                                                        "y",
                                                        Jsonp.createObjectBuilder()
                                                                .add("stacked", true)
                                                                .add("beginAtZero", true))))
                .build()
                .toString();
    }

    public String label(HourlyVolumes.Hour h) {
        String text = ZonedDateTime.ofInstant(h.hour(), HourlyVolumes.ZONE).format(LABEL);
        return h.night() ? text + " ☾" : text;
    }

    /** The Paris offset of an hour, to tell the two 02:00 apart on the day clocks go back. */
    public String offset(HourlyVolumes.Hour h) {
        return ZonedDateTime.ofInstant(h.hour(), HourlyVolumes.ZONE).getOffset().getId();
    }

    public String doorLabel(String door) {
        return Messages.text("door." + door);
    }

    public StreamedContent getCsv() {
        return SupervisedPlatform.csv("tendances-" + from + "-" + to + ".csv", SupervisionCsv.trends(trends));
    }

    public Supervision.Trends getTrends() {
        return trends;
    }

    public boolean isAdmin() {
        return admin;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
