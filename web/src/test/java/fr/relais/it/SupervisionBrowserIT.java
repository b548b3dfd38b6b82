package fr.relais.it;

import static fr.relais.it.BrowserIT.login;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervision screens in headless Chromium: the lifecycle view lists a breach first and opens the
 * report; the handoffs table sorts and filters; the trends draw their charts; a table downloads as
 * CSV; who may open them. No CSP violation on any page.
 */
class SupervisionBrowserIT {
    static RelaisServer server;
    static WebDriver browser;
    static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        server = TestEnvironment.server();
        browser = BrowserIT.chromium("1280,900");
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        downloads = Files.createTempDirectory("relais-downloads");
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    /**
     * The page's heading, read afresh until it holds: in one CI run the alerts page's heading was
     * replaced right after the page loaded (a stale element; the cause is not found yet: the page only
     * updates its two lists by Ajax when its socket opens).
     */
    private String heading() {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText());
    }

    @AfterEach
    void noContentSecurityPolicyViolation() {
        BrowserIT.assertNoViolationOn(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theLifecycleShowsABreachFirstAndAClickOpensTheReport() throws Exception {
        long id = 7_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String reference = "LATE" + ThreadLocalRandom.current().nextInt(10_000_000);
        Instant now = Instant.now();
        try (Connection c = SecurityIT.database()) {
            try {
                SupervisionViewsSystemIT.fact(
                        c,
                        id,
                        "GENERALIST",
                        "FORWARDED",
                        now.minusSeconds(9000),
                        Instant.parse("2000-01-01T00:00:00Z"),
                        reference);
                login(browser, "superviseur");
                browser.get(server.baseUrl() + "/supervisor/lifecycle.xhtml");
                WebElement first = browser.findElement(By.cssSelector("tbody[id='lifecycle:reports_data'] > tr"));
                assertThat(first.getAttribute("class")).contains("lifecycle-breach");
                assertThat(first.findElement(By.cssSelector("a.lifecycle-open")).getText())
                        .isEqualTo(reference);
                assertThat(first.getText())
                        .contains("En attente d'accusé de réception")
                        .contains("En retard de");
                assertThat(browser.findElement(By.cssSelector("[data-stage='AWAITING_ACKNOWLEDGEMENT']"))
                                .getText())
                        .matches("\\d+");
                screenshot("supervision-lifecycle");

                first.findElement(By.cssSelector("a.lifecycle-open")).click();
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.id("report-reference"), reference));
                assertThat(browser.getCurrentUrl())
                        .contains("/supervisor/report.xhtml")
                        .contains("id=" + id);
                assertThat(browser.findElement(By.id("report-stage")).getText())
                        .isEqualTo("En attente d'accusé de réception");
                assertThat(browser.findElement(By.id("report-target")).getText())
                        .contains("En retard");
            } finally {
                try (PreparedStatement delete = c.prepareStatement("delete from report_fact where report_id = ?")) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
            }
        }
    }

    @Test
    void theHandoffsTableSortsAndFilters() throws Exception {
        // two units of our own in Haute-Corse, forwarded to an hour ago (the screen shows 30 days)
        String prefix = "IT-HANDOFFS-" + ThreadLocalRandom.current().nextInt(1_000_000);
        List<Long> reports = new java.util.ArrayList<>();
        Instant hourAgo = Instant.now().minusSeconds(3600);
        try (Connection c = SecurityIT.database()) {
            try {
                for (int u = 1; u <= 2; u++) {
                    try (PreparedStatement insert = c.prepareStatement("insert into unit (code, name, kind, department,"
                            + " commune) values (?, ?, 'POLICE_STATION', '2B', 'Bastia')")) {
                        insert.setString(1, prefix + "-" + u);
                        insert.setString(2, "Unité de test " + u);
                        insert.executeUpdate();
                    }
                    for (int i = 0; i < (u == 1 ? 1 : 3); i++) {
                        reports.add(SupervisionViewsSystemIT.handoff(
                                c, prefix + "-" + u, hourAgo, null, null, hourAgo.plusSeconds(86_400)));
                    }
                }
                login(browser, "admin");
                browser.get(server.baseUrl() + "/supervisor/handoffs.xhtml");
                // the table is redrawn by each filter and sort: read it again when it was replaced
                var wait = new WebDriverWait(browser, Duration.ofSeconds(20))
                        .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
                WebElement filter = browser.findElement(By.cssSelector("th[id='handoffs:units:department'] input"));
                filter.sendKeys("2B");
                wait.until(d -> departments().stream().allMatch("2B"::equals));
                assertThat(departments()).hasSizeGreaterThanOrEqualTo(2);
                screenshot("supervision-handoffs-filtered");

                browser.findElement(By.cssSelector("th[id='handoffs:units:sent']"))
                        .click();
                wait.until(d -> sorted(sent(), true));
                browser.findElement(By.cssSelector("th[id='handoffs:units:sent']"))
                        .click();
                wait.until(d -> sorted(sent(), false));
                assertThat(departments()).allMatch("2B"::equals);
                assertThat(sent()).contains(3, 1);
            } finally {
                try (java.sql.Statement s = c.createStatement()) {
                    s.executeUpdate("delete from handoff where unit_code like '" + prefix + "-%'");
                    for (long id : reports) {
                        s.executeUpdate("delete from report where id = " + id);
                    }
                    s.executeUpdate("delete from unit where code like '" + prefix + "-%'");
                }
            }
        }
    }

    @Test
    void theHandoffsPeriodIsChosenAndABadOneIsRefusedInFrench() throws Exception {
        // a unit of our own in Corse-du-Sud with one handoff 60 days ago: outside the default 7 days
        String code = "IT-PERIOD-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String name = "Unité période " + code;
        Instant longAgo = Instant.now().minus(Duration.ofDays(60));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        long report = 0;
        try (Connection c = SecurityIT.database()) {
            try {
                try (PreparedStatement insert = c.prepareStatement("insert into unit (code, name, kind, department,"
                        + " commune) values (?, ?, 'POLICE_STATION', '2A', 'Ajaccio')")) {
                    insert.setString(1, code);
                    insert.setString(2, name);
                    insert.executeUpdate();
                }
                report = SupervisionViewsSystemIT.handoff(c, code, longAgo, null, null, longAgo.plusSeconds(86_400));
                login(browser, "admin");
                browser.get(server.baseUrl() + "/supervisor/handoffs.xhtml");
                assertThat(browser.findElement(By.id("period:from")).getAttribute("value"))
                        .as("the last 7 days by default, today included")
                        .isEqualTo(today.minusDays(6).toString());
                assertThat(browser.findElement(By.id("period:to")).getAttribute("value"))
                        .isEqualTo(today.toString());
                filterUnits(name);
                assertThat(unitCodes())
                        .as("60 days ago, not in the default period")
                        .isEmpty();

                choosePeriod(today.minusDays(70), today);
                assertThat(browser.findElement(By.id("handoffs-period")).getText())
                        .isEqualTo("Transmissions du " + day(today.minusDays(70)) + " au " + day(today) + " (inclus).");
                filterUnits(name);
                assertThat(unitCodes()).containsExactly("(" + code + ")");
                screenshot("supervision-handoffs-period");

                choosePeriod(today.minusDays(70), today.minusDays(80));
                assertThat(browser.findElement(By.id("messages")).getText())
                        .contains("La date de fin précède la date de début");
                assertThat(browser.findElement(By.id("handoffs-period")).getText())
                        .as("the table keeps the period shown before")
                        .contains(day(today.minusDays(70)));

                choosePeriod(today.minusDays(400), today);
                assertThat(browser.findElement(By.id("messages")).getText())
                        .contains("La période ne peut pas dépasser un an");
            } finally {
                try (java.sql.Statement s = c.createStatement()) {
                    s.executeUpdate("delete from handoff where unit_code = '" + code + "'");
                    if (report != 0) {
                        s.executeUpdate("delete from report where id = " + report);
                    }
                    s.executeUpdate("delete from unit where code = '" + code + "'");
                }
            }
        }
    }

    /** Types the days into the date fields (as the browser's date picker would set them) and shows them. */
    private static void choosePeriod(java.time.LocalDate from, java.time.LocalDate to) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(
                "document.getElementById('period:from').value = arguments[0];"
                        + " document.getElementById('period:to').value = arguments[1];",
                from.toString(),
                to.toString());
        WebElement before = browser.findElement(By.id("handoffs-period"));
        browser.findElement(By.id("period:show")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> replaced(before));
    }

    /**
     * Whether the Ajax update replaced {@code element}. Selenium's {@code stalenessOf} expects a
     * stale-element error; ChromeDriver 156 may instead answer "Node with given id does not belong to
     * the document" (an unknown error) for a node just detached: the same fact.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Filters the table on the unit's name and waits for the filtered rows (or the empty message). */
    private static void filterUnits(String name) {
        WebElement filter = browser.findElement(By.cssSelector("th[id='handoffs:units:unit'] input"));
        filter.clear();
        filter.sendKeys(name);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(
                                        By.cssSelector("tbody[id='handoffs:units_data'] .ui-datatable-empty-message"))
                                .isEmpty()
                        || d.findElements(By.cssSelector("tbody[id='handoffs:units_data'] .handoff-unit")).stream()
                                .allMatch(e -> e.getText().equals(name)));
    }

    private static List<String> unitCodes() {
        return browser.findElements(By.cssSelector("tbody[id='handoffs:units_data'] .handoff-code")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static String day(java.time.LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    @Test
    void theTrendsDrawTheirChartsAndTheTableDownloadsAsCsv() throws Exception {
        login(browser, "superviseur");
        browser.get(server.baseUrl() + "/supervisor/trends.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        for (String chart : List.of("chart-category", "chart-platform", "chart-door")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
        }
        assertThat(browser.findElements(By.cssSelector("tbody[id='hours-form:hours_data'] > tr")))
                .isNotEmpty();
        screenshot("supervision-trends");

        browser.findElement(By.id("period:export-csv")).click();
        Path file = downloads.resolve("tendances-"
                + browser.findElement(By.id("period:from")).getAttribute("value") + "-"
                + browser.findElement(By.id("period:to")).getAttribute("value") + ".csv");
        wait.until(d -> Files.exists(file));
        String csv = Files.readString(file);
        assertThat(csv).startsWith("hour,localHour,night,reports,drugTrafficking");
        assertThat(csv.split("\r\n").length).isGreaterThanOrEqualTo(25);
    }

    @Test
    void adminsOpenTheSupervisionScreensOfBothPlatformsAndOperatorsDoNot() throws Exception {
        login(browser, "admin");
        browser.get(server.baseUrl() + "/supervisor/alerts.xhtml");
        assertThat(heading()).isEqualTo("Supervision — alertes");
        browser.get(server.baseUrl() + "/supervisor/lifecycle.xhtml?platform=VSS");
        assertThat(heading()).endsWith("Plateforme VSS");
        browser.get(server.baseUrl() + "/supervisor/platform.xhtml?platform=VSS");
        assertThat(heading()).endsWith("Plateforme VSS");
        browser.get(server.baseUrl() + "/supervisor/handoffs.xhtml");
        assertThat(heading()).isEqualTo("Transmissions aux unités");
        browser.get(server.baseUrl() + "/supervisor/trends.xhtml");
        assertThat(heading()).isEqualTo("Tendances");
        for (String user : List.of("operateur", "agent-guyancourt")) {
            login(browser, user);
            for (String page : List.of("lifecycle", "handoffs", "trends", "alerts", "platform")) {
                browser.get(server.baseUrl() + "/supervisor/" + page + ".xhtml");
                assertThat(heading()).as(user + " " + page).isEqualTo("Accès refusé");
            }
        }
    }

    private static List<String> departments() {
        return browser.findElements(By.cssSelector("tbody[id='handoffs:units_data'] .handoff-department")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<Integer> sent() {
        return browser.findElements(By.cssSelector("tbody[id='handoffs:units_data'] .handoff-sent")).stream()
                .map(e -> Integer.parseInt(e.getText()))
                .toList();
    }

    private static boolean sorted(List<Integer> values, boolean ascending) {
        for (int i = 1; i < values.size(); i++) {
            if (ascending ? values.get(i - 1) > values.get(i) : values.get(i - 1) < values.get(i)) {
                return false;
            }
        }
        return !values.isEmpty();
    }

    static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
