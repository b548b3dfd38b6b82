package fr.relais.it;

import static fr.relais.it.BrowserIT.login;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (from the npm registry, {@code web/frontend}) run in the system's Chromium on every public
 * page, asserting no serious or critical violation of WCAG 2.1 A and AA, and on the staff screens,
 * where the counts are only reported ({@code target/accessibility-staff.md}, copied to the README).
 * axe is evaluated through WebDriver (the DevTools protocol), which the pages' CSP does not govern.
 */
class AccessibilityBrowserIT {
    static final Path AXE = Path.of("frontend/node_modules/axe-core/axe.min.js");
    static final Path STAFF_REPORT = Path.of("target/accessibility-staff.md");

    static RelaisServer server;
    static WebDriver browser;
    static String axe;
    static final Map<String, String> staffCounts = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestEnvironment.server();
        axe = Files.readString(AXE);
        browser = BrowserIT.chromium("1280,900");
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (!staffCounts.isEmpty()) {
            var table = new StringBuilder("| screen | critical | serious | moderate | minor | rules violated |\n");
            table.append("|---|---|---|---|---|---|\n");
            staffCounts.forEach((screen, counts) -> table.append("| ")
                    .append(screen)
                    .append(" | ")
                    .append(counts)
                    .append(" |\n"));
            Files.createDirectories(STAFF_REPORT.getParent());
            Files.writeString(STAFF_REPORT, table);
        }
    }

    /** The public pages: every page of {@code /citoyen/} as it is, and the pages with their states. */
    static Stream<String> publicPages() throws IOException {
        var pages = new TreeSet<String>();
        try (Stream<Path> files = Files.list(Path.of("src/main/webapp/citoyen"))) {
            files.map(f -> "/citoyen/" + f.getFileName())
                    .filter(p -> p.endsWith(".xhtml"))
                    .forEach(pages::add);
        }
        pages.addAll(List.of(
                "/citoyen/sujets.xhtml?porte=VICTIM",
                "/citoyen/sujets.xhtml?porte=REPORT",
                "/citoyen/sujets.xhtml?porte=INFORMATION",
                "/citoyen/chat.xhtml?sujet=HARASSMENT",
                "/citoyen/chat.xhtml?sujet=SEXUAL_VIOLENCE",
                "/citoyen/fiches.xhtml?q=harcelement",
                "/citoyen/fiches.xhtml?q=zzzz",
                "/citoyen/fiche.xhtml?id=porter-plainte",
                "/citoyen/fiche.xhtml?id=violences-conjugales",
                "/citoyen/fiche.xhtml?id=n-existe-pas",
                "/citoyen/unites.xhtml?lieu=78280",
                "/citoyen/unites.xhtml?lieu=78460",
                "/citoyen/unites.xhtml?lieu=00000"));
        return pages.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicPages")
    void aPublicPageHasNoSeriousOrCriticalViolation(String page) throws Exception {
        // as a visitor: no session left by a staff screen
        browser.get(server.baseUrl() + "/citoyen/index.xhtml");
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + page);
        JsonObject result = audit();
        List<String> severe = new ArrayList<>();
        for (JsonObject v : result.getJsonArray("violations").getValuesAs(JsonObject.class)) {
            String impact = v.getString("impact", "");
            if (impact.equals("serious") || impact.equals("critical")) {
                severe.add(impact + " " + v.getString("id") + " (" + v.getString("help") + ") on " + v.get("nodes"));
            }
        }
        BrowserIT.screenshot(browser, "a11y" + page.replaceAll("[^a-zA-Z0-9]+", "-"));
        assertThat(severe).as(page).isEmpty();
        BrowserIT.assertNoViolationOn(browser);
    }

    @Test
    void theStaffScreensAreCheckedAndTheirCountsReported() throws Exception {
        var scenario = new Scenario(server.baseUrl());
        long forwarded = scenario.forwardedReport();
        long inReview = scenario.reportInReview("Il me suit le soir depuis la gare.");
        long chat = scenario.openChat("Bonjour, on me harcèle au travail.");
        scenario.as("operateur").post("/chats/" + chat + "/take", null);
        var created = scenario.as("operateur").post("/chats/" + chat + "/report", null);
        long qualifying = created.json().getJsonNumber("id").longValue();

        staff(null, "/login.xhtml");
        staff(
                "operateur",
                "/operator/tasks.xhtml",
                "/qualification/form.xhtml?id=" + qualifying,
                "/qualification/review.xhtml?id=" + inReview,
                "/account/password.xhtml");
        staff("psychologue", "/psychologist/index.xhtml");
        staff(
                "superviseur",
                "/supervisor/platform.xhtml",
                "/supervisor/waiting-chats.xhtml",
                "/supervisor/alerts.xhtml",
                "/supervisor/operators.xhtml",
                "/supervisor/rerouting.xhtml",
                "/supervisor/validation.xhtml");
        staff("agent-guyancourt", "/unit/inbox.xhtml", "/unit/report.xhtml?id=" + forwarded);
        staff("auditeur", "/auditor/index.xhtml", "/auditor/report.xhtml?id=" + forwarded);
        staff(
                "admin",
                "/admin/index.xhtml",
                "/admin/accounts.xhtml",
                "/admin/units.xhtml",
                "/admin/incidents.xhtml",
                "/admin/deliveries.xhtml",
                "/admin/canned-answers.xhtml");
        assertThat(staffCounts).hasSize(22);
    }

    /** The screens as {@code user} sees them; user null: as a visitor (the staff's login page). */
    private void staff(String user, String... screens) throws Exception {
        if (user == null) {
            browser.get(server.baseUrl() + "/citoyen/index.xhtml");
            browser.manage().deleteAllCookies();
        } else {
            login(browser, user);
        }
        for (String screen : screens) {
            browser.get(server.baseUrl() + screen);
            if (!browser.findElements(By.cssSelector("[data-staff-socket]")).isEmpty()) {
                // a live screen: its staff socket is granted the channels it names, for this user
                BrowserIT.awaitLive(browser);
            }
            JsonObject result = audit();
            Map<String, Integer> byImpact = new LinkedHashMap<>();
            for (String impact : List.of("critical", "serious", "moderate", "minor")) {
                byImpact.put(impact, 0);
            }
            var rules = new TreeSet<String>();
            for (JsonObject v : result.getJsonArray("violations").getValuesAs(JsonObject.class)) {
                byImpact.merge(
                        v.getString("impact", "minor"), v.getJsonArray("nodes").size(), Integer::sum);
                rules.add(v.getString("id"));
            }
            staffCounts.put(
                    "`" + screen.replaceAll("\\?id=\\d+", "?id=…") + "` (" + (user == null ? "no account" : user) + ")",
                    byImpact.values().stream()
                                    .map(String::valueOf)
                                    .reduce((a, b) -> a + " | " + b)
                                    .orElse("") + " | " + String.join(", ", rules));
        }
    }

    /** Runs axe on the page in the browser; checks that it ran (it found rules that pass). */
    static JsonObject audit() {
        var js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        assertThat(js.executeScript("return typeof window.axe"))
                .as("axe loaded")
                .isEqualTo("object");
        Object raw = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify({passes: r.passes.length, violations: r.violations.map(v =>"
                + " ({id: v.id, impact: v.impact || 'minor', help: v.help,"
                + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 20)}))})))"
                + ".catch(e => done(JSON.stringify({error: String(e)})));");
        JsonObject result;
        try (var reader = Json.createReader(new StringReader(String.valueOf(raw)))) {
            result = reader.readObject();
        }
        assertThat(result.containsKey("error")).as(String.valueOf(raw)).isFalse();
        assertThat(result.getInt("passes"))
                .as("axe ran and found rules that pass")
                .isPositive();
        return result;
    }
}
