package fr.relais.it;

import static fr.relais.it.BrowserIT.login;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Script payloads sent through every public form end up as text: in the pages that echo a visitor's
 * search, and on every staff screen that shows what a citizen sent (the operator's chat and queue,
 * the qualification form, the review, the unit's inbox and report, the auditor's report, the
 * supervisors' screens). Each page is checked for {@code window.__pwned} (which every payload would
 * set) and for live elements the payloads would create. The chat and the written report are sent
 * over the citizen API their pages call (those pages are being rewritten elsewhere); the searches
 * are typed into their forms.
 */
class InertnessBrowserIT {
    static RelaisServer server;
    static WebDriver browser;
    static Scenario scenario;

    /** Every shape of payload at once, with a marker to find it. */
    static String payload(String marker) {
        return marker + " <script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">"
                + "\"><svg onload=\"window.__pwned=1\"> '><iframe src=\"javascript:window.__pwned=1\"></iframe>"
                + " javascript:window.__pwned=1";
    }

    static String marker() {
        return "inerte-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeAll
    static void start() throws Exception {
        server = TestEnvironment.server();
        scenario = new Scenario(server.baseUrl());
        browser = BrowserIT.chromium("1280,900");
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void noContentSecurityPolicyViolation() {
        // a blocked inline script would show here; so would a payload that escaped as markup
        BrowserIT.assertNoViolationOn(browser);
    }

    @Test
    void theSheetsSearchAndTheNearbyUnitsSearchShowAPayloadAsText() throws Exception {
        String marker = marker();
        String hostile = payload(marker).substring(0, 99);
        asVisitor("/citoyen/fiches.xhtml");
        browser.findElement(By.id("sheets-q")).sendKeys(hostile);
        browser.findElement(By.id("sheets-submit")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("sheets-query")));
        assertThat(browser.findElement(By.id("sheets-query")).getText()).isEqualTo(hostile.strip());
        assertThat(browser.findElement(By.id("sheets-q")).getAttribute("value")).isEqualTo(hostile.strip());
        assertInert("sheets search");

        // the same through the address, with a quote to leave the input's value
        browser.get(server.baseUrl() + "/citoyen/fiches.xhtml?q="
                + URLEncoder.encode("\"><svg onload=\"window.__pwned=1\">", StandardCharsets.UTF_8));
        assertInert("sheets search by address");

        asVisitor("/citoyen/unites.xhtml");
        browser.findElement(By.id("nearby-place")).sendKeys(payload(marker).substring(0, 60));
        browser.findElement(By.id("nearby-submit")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("nearby-error")));
        assertThat(browser.findElement(By.id("nearby-place")).getAttribute("value"))
                .isEqualTo(payload(marker).substring(0, 60).strip());
        assertInert("nearby units search");

        browser.get(server.baseUrl() + "/citoyen/fiche.xhtml?id="
                + URLEncoder.encode("<script>window.__pwned=1</script>", StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.id("sheet-not-found")).isDisplayed()).isTrue();
        assertInert("unknown sheet");
    }

    @Test
    void theReceiptLookupShowsAPayloadAsText() throws Exception {
        asVisitor("/citoyen/suivi.xhtml");
        browser.findElement(By.id("receipt-reference"))
                .sendKeys(payload(marker()).substring(0, 40));
        browser.findElement(By.id("receipt-check")).click();
        wait(20).until(d -> !d.findElement(By.id("receipt-result")).getText().isBlank());
        assertInert("receipt lookup");
    }

    @Test
    void aChatMessageIsTextForTheOperatorAndTheSupervisors() throws Exception {
        String marker = marker();
        String hostile = payload(marker);
        var opened = scenario.anonymous()
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"topic\":\"harcelement\",\"message\":"
                                + Scenario.json(hostile) + "}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long chat = opened.json().getJsonNumber("id").longValue();

        login(browser, "superviseur");
        for (String screen : List.of(
                "/supervisor/waiting-chats.xhtml",
                "/supervisor/platform.xhtml",
                "/supervisor/alerts.xhtml",
                "/supervisor/operators.xhtml")) {
            browser.get(server.baseUrl() + screen);
            assertInert(screen);
        }

        scenario.as("operateur").post("/chats/" + chat + "/take", null);
        login(browser, "operateur");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("tasks:mine")));
        browser.findElements(By.cssSelector("[id='tasks:mine'] tbody tr")).stream()
                .filter(r -> r.getText().contains(String.valueOf(chat)))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector(".show-messages"))
                .click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message-text")));
        assertThat(browser.findElements(By.cssSelector(".message-text")))
                .anySatisfy(e -> assertThat(e.getText()).isEqualTo(hostile));
        assertInert("operator's chat");
        BrowserIT.screenshot(browser, "inert-operator-chat");

        // the report the operator makes from it: its narrative is what the citizen typed
        var created = scenario.as("operateur").post("/chats/" + chat + "/report", null);
        long report = created.json().getJsonNumber("id").longValue();
        browser.get(server.baseUrl() + "/qualification/form.xhtml?id=" + report);
        assertInert("qualification form of a chat's report");
    }

    @Test
    void aWrittenReportIsTextOnEveryScreenItReaches() throws Exception {
        String marker = marker();
        String hostile = payload(marker);
        String address = "10." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        String form = jakarta.json.Json.createObjectBuilder()
                .add("category", "DAMAGE")
                .add("commune", "Guyancourt")
                .add("postalCode", "78280")
                .add("place", hostile.substring(0, 120))
                .add("when", "2026-11-20T21:30")
                .add("narrative", "Voitures rayées sur le parking. " + hostile)
                .build()
                .toString();
        var submitted = scenario.anonymous().post("/citizen/reports", form, "X-Forwarded-For", address);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String reference = submitted.json().getString("reference");
        long id = scenario.as("operateur").get("/reports/from-forms").array().stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> reference.equals(o.getString("reference")))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();

        login(browser, "operateur");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        assertInert("operator's list of written reports");
        browser.get(server.baseUrl() + "/qualification/form.xhtml?id=" + id);
        wait(20).until(d -> d.getPageSource().contains(marker));
        assertInert("qualification form of a written report");
        BrowserIT.screenshot(browser, "inert-qualification");

        JsonObject statement =
                scenario.as("operateur").get("/reports/" + id).json().getJsonObject("statement");
        var qualified = scenario.as("operateur")
                .put(
                        "/reports/" + id + "/qualification",
                        "{\"category\":\"DAMAGE\",\"communeInsee\":\"78297\",\"factsAt\":\"2026-11-20T20:30:00Z\","
                                + "\"urgency\":\"NORMAL\",\"anonymous\":true,\"narrative\":"
                                + Scenario.json(statement.getString("narrative")) + "}");
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "IN_REVIEW");
        browser.get(server.baseUrl() + "/qualification/review.xhtml?id=" + id);
        wait(20).until(d -> d.getPageSource().contains(marker));
        assertInert("review");

        var reviewed = scenario.as("operateur").post("/reports/" + id + "/review", "{}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");

        login(browser, "agent-guyancourt");
        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        assertInert("unit inbox");
        browser.get(server.baseUrl() + "/unit/report.xhtml?id=" + id);
        wait(20).until(d -> d.getPageSource().contains(marker));
        assertInert("unit report");

        login(browser, "auditeur");
        browser.get(server.baseUrl() + "/auditor/report.xhtml?id=" + id);
        assertInert("auditor's report");

        login(browser, "superviseur");
        for (String screen :
                List.of("/supervisor/platform.xhtml", "/supervisor/rerouting.xhtml", "/supervisor/validation.xhtml")) {
            browser.get(server.baseUrl() + screen);
            assertInert(screen);
        }
    }

    /** No payload ran, and none became markup: no element they would create is in the page. */
    static void assertInert(String where) {
        var js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return typeof window.__pwned")).as(where).isEqualTo("undefined");
        assertThat(js.executeScript("return document.querySelectorAll('[onerror*=\"__pwned\"], [onload*=\"__pwned\"],"
                        + " [src*=\"__pwned\"], [href*=\"__pwned\"]').length"))
                .as(where + ": elements made of a payload")
                .isEqualTo(0L);
        assertThat(js.executeScript("return [...document.scripts].filter(s => s.text.includes('__pwned')).length"))
                .as(where + ": scripts made of a payload")
                .isEqualTo(0L);
    }

    static void asVisitor(String page) {
        browser.get(server.baseUrl() + "/citoyen/index.xhtml");
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + page);
    }

    static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
