package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screens in the system's headless Chromium (Debian's chromium and chromium-driver; never a
 * downloaded browser), against the application as the run command starts it.
 */
class BrowserIT {
    static RelaisServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestEnvironment.server();
        browser = chromium("1280,900");
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    static WebDriver chromium(String windowSize) throws Exception {
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("relais.chromium", "/usr/bin/chromium"))
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=" + windowSize,
                        "--user-data-dir=" + Files.createTempDirectory("relais-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("relais.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // every Content-Security-Policy violation on every page, kept across navigations
        chrome.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of(
                        "source",
                        "window.relaisCspListener = true;"
                                + " document.addEventListener('securitypolicyviolation', e => {"
                                + " const v = JSON.parse(localStorage.getItem('cspViolations') || '[]');"
                                + " v.push(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI);"
                                + " localStorage.setItem('cspViolations', JSON.stringify(v)); });"));
        return chrome;
    }

    @org.junit.jupiter.api.AfterEach
    void noContentSecurityPolicyViolation() {
        assertNoViolationOn(browser);
    }

    static void assertNoViolationOn(WebDriver browser) {
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return window.relaisCspListener === true"))
                .as("the violation listener is installed on the page")
                .isEqualTo(true);
        Object violations = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("const v = localStorage.getItem('cspViolations');"
                        + " localStorage.removeItem('cspViolations'); return v;");
        assertThat(violations == null ? "[]" : violations.toString())
                .as("securitypolicyviolation events")
                .isEqualTo("[]");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    void login(String user) {
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + "/login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys(user);
        browser.findElement(By.id("login:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), user));
    }

    @Test
    void anOperatorFindsTheQueueAndReadsWhatCitizensTypedAsText() throws Exception {
        String hostile =
                "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">Aidez-moi";
        var opened = Api.anonymous(server.baseUrl())
                .post(
                        "/citizen/chats",
                        "{\"platform\":\"GENERALIST\",\"door\":\"VICTIM\",\"topic\":\"navigateur\",\"message\":"
                                + Scenario.json(hostile) + "}");
        long chat = opened.json().getJsonNumber("id").longValue();

        login("operateur");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        assertThat(browser.findElement(By.id("tasks:queue")).getText()).contains(String.valueOf(chat));
        screenshot("operator-queue");

        Api.as(server.baseUrl(), "operateur").post("/chats/" + chat + "/take", null);
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        browser.findElements(By.cssSelector("#tasks\\:mine .show-messages")).stream()
                .reduce((a, b) -> b)
                .orElseThrow()
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message-text")));
        assertThat(browser.findElements(By.cssSelector(".message-text")))
                .anySatisfy(e -> assertThat(e.getText()).isEqualTo(hostile));
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(browser.findElements(By.cssSelector(".message-text script"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".message-text img"))).isEmpty();
        screenshot("operator-messages");
    }

    @Test
    void aUnitAgentFindsTheUnitsInbox() throws Exception {
        long report = new Scenario(server.baseUrl()).forwardedReport();
        login("agent-guyancourt");
        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        String inbox = browser.findElement(By.id("inbox:reports")).getText();
        assertThat(inbox)
                .contains(String.valueOf(report))
                .contains("Guyancourt")
                .contains("Harcèlement");
        screenshot("unit-inbox");

        login("agent-versailles");
        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        assertThat(browser.findElements(By.cssSelector("#inbox\\:reports tbody tr td:first-child")))
                .extracting(e -> e.getText().strip())
                .doesNotContain(String.valueOf(report));
    }

    @Test
    void anOperatorTakesAChatThenQualifiesReviewsAndForwardsTheReportOnTheScreens() throws Exception {
        long chat = new Scenario(server.baseUrl()).openChat("Mon ex-conjoint me suit partout.");
        login("operateur");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        rowOf("tasks:queue", chat).findElement(By.cssSelector(".take-chat")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks:reply")));
        browser.findElement(By.id("tasks:reply")).sendKeys("Bonjour, je suis policier. Êtes-vous en sécurité ?");
        browser.findElement(By.id("tasks:send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("tasks:messageList"), "Êtes-vous en sécurité"));

        browser.findElement(By.id("tasks:makeReport")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("qualification:postalCode")));
        new Select(browser.findElement(By.id("qualification:category"))).selectByVisibleText("Violences conjugales");
        browser.findElement(By.id("qualification:postalCode")).sendKeys("78280");
        browser.findElement(By.id("qualification:commune")).sendKeys("Guyancourt");
        browser.findElement(By.id("qualification:narrative"))
                .sendKeys("Marie Durand est suivie par son ex-conjoint. Elle est joignable au 06 12 34 56 78.");
        browser.findElement(By.id("qualification:firstName")).sendKeys("Marie");
        browser.findElement(By.id("qualification:lastName")).sendKeys("Durand");
        screenshot("qualification-form");
        browser.findElement(By.id("qualification:submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review:outgoing")));
        String outgoing = browser.findElement(By.id("review:outgoing")).getAttribute("value");
        assertThat(outgoing)
                .doesNotContain("Durand")
                .doesNotContain("06 12 34 56 78")
                .contains("ex-conjoint");
        assertThat(browser.findElement(By.id("review:original")).getText()).contains("Marie Durand");
        screenshot("review");
        browser.findElement(By.id("review:approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "transmis"));

        // the conversation goes on after the report, and closes as "after a report"
        rowOf("tasks:mine", chat).findElement(By.cssSelector(".show-messages")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks:outcome")));
        new Select(browser.findElement(By.id("tasks:outcome"))).selectByVisibleText("Close après signalement");
        browser.findElement(By.id("tasks:close")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Conversation close"));

        login("agent-guyancourt");
        String inbox = reloadUntil("/unit/inbox.xhtml", "inbox:reports", "ex-conjoint");
        assertThat(inbox)
                .contains("Violences conjugales")
                .doesNotContain("Durand")
                .doesNotContain("06 12 34 56 78")
                .doesNotContain("Marie");
        screenshot("unit-inbox-forwarded");
    }

    @Test
    void aCitizenAndAnOperatorChatLiveWithoutReloading() throws Exception {
        login("operateur");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        WebDriver citizen = chromium("1280,900");
        try {
            WebDriverWait citizenWait = new WebDriverWait(citizen, Duration.ofSeconds(20));
            citizen.get(server.baseUrl() + "/");
            assertThat(citizen.getTitle()).isEqualTo("Informations pratiques");
            assertThat(citizen.findElement(By.cssSelector(".emergency")).getText())
                    .contains("17")
                    .contains("112")
                    .contains("SMS 114");
            assertThat(citizen.findElements(By.cssSelector("[onclick], [onload], [onsubmit], [style]")))
                    .as("no inline handler nor style: the pages must pass a strict Content-Security-Policy")
                    .isEmpty();
            assertThat(citizen.findElement(By.id("quick-exit")).getAttribute("href"))
                    .startsWith("https://www.meteofrance.com");
            screenshot(citizen, "citizen-home");
            citizen.findElement(By.cssSelector("a.door-VICTIM")).click();
            citizen.findElement(By.cssSelector("a.topic-THEFT")).click();

            citizen.manage().window().setSize(new Dimension(375, 812));
            citizen.findElement(By.id("chat-text")).sendKeys("Bonjour, on vient de me voler mon sac.");
            citizen.findElement(By.id("chat-send")).click();
            citizenWait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".chat-line-citizen"), "voler mon sac"));
            long chat = ((Number) ((JavascriptExecutor) citizen)
                            .executeScript("return JSON.parse(sessionStorage.getItem('relais.chat')).id"))
                    .longValue();

            // the operator's queue shows it without a reload (Faces push on the platform's channel)
            wait.until(d -> rowIn("tasks:queue", chat) != null);
            assertThat(rowIn("tasks:queue", chat).getText()).contains("Vol, cambriolage");
            assertThat(rowIn("tasks:queue", chat)
                            .findElement(By.cssSelector(".waiting"))
                            .getAttribute("class"))
                    .contains("waiting-ok");
            screenshot("operator-queue-live");
            rowIn("tasks:queue", chat).findElement(By.cssSelector(".take-chat")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tasks:messageList"), "voler mon sac"));

            citizen.findElement(By.id("chat-text")).sendKeys("Il est parti vers la gare.");
            citizen.findElement(By.id("chat-send")).click();
            citizenWait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".chat-line-citizen"), 2));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("tasks:messageList"), "parti vers la gare"));

            browser.findElement(By.id("tasks:reply")).sendKeys("Je vous écoute. Êtes-vous blessée ?");
            browser.findElement(By.id("tasks:send")).click();
            citizenWait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".chat-line-operator"), "Êtes-vous blessée ?"));
            screenshot("operator-live-chat");
            screenshot(citizen, "citizen-chat-phone");

            citizen.navigate().refresh();
            citizenWait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".chat-line"), 3));
            assertThat(citizen.findElements(By.cssSelector(".chat-line-operator .chat-text")))
                    .extracting(WebElement::getText)
                    .containsExactly("Je vous écoute. Êtes-vous blessée ?");
            assertNoViolationOn(citizen);
        } finally {
            citizen.quit();
        }
    }

    @Test
    void theDeskAcknowledgesADangerNowRequestAndTheOperatorSeesItWithoutReloading() throws Exception {
        var opened = Api.anonymous(server.baseUrl())
                .post(
                        "/citizen/chats",
                        "{\"door\":\"VICTIM\",\"topic\":\"DANGER_NOW\",\"message\":\"Il essaie d'entrer chez moi.\"}");
        long chat = opened.json().getJsonNumber("id").longValue();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        login("operateur");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        wait.until(d -> rowIn("tasks:queue", chat) != null);
        assertThat(rowIn("tasks:queue", chat)
                        .findElement(By.cssSelector(".danger-now"))
                        .getText())
                .isEqualTo("Danger immédiat");
        screenshot("operator-queue-danger-now");
        rowIn("tasks:queue", chat).findElement(By.cssSelector(".take-chat")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks:dangerPostalCode")));

        WebDriver desk = chromium("1280,900");
        try {
            WebDriverWait deskWait = new WebDriverWait(desk, Duration.ofSeconds(20));
            desk.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            desk.get(server.baseUrl() + "/login.xhtml");
            desk.findElement(By.id("login:username")).sendKeys("agent-guyancourt");
            desk.findElement(By.id("login:password")).sendKeys("agent-guyancourt");
            desk.findElement(By.id("login:submit")).click();
            deskWait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), "agent-guyancourt"));
            desk.get(server.baseUrl() + "/unit/inbox.xhtml");
            deskWait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk:dangerNow")));

            browser.findElement(By.id("tasks:dangerPostalCode")).sendKeys("78280");
            browser.findElement(By.id("tasks:dangerCommune")).sendKeys("Guyancourt");
            browser.findElement(By.id("tasks:dangerSummary")).sendKeys("<b>Intrus</b> qui force la porte");
            browser.findElement(By.id("tasks:raiseDanger")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("tasks:dangerRequests"), "En attente de prise en compte"));
            long request = Api.as(server.baseUrl(), "operateur")
                    .get("/chats/" + chat + "/danger-now")
                    .array()
                    .getJsonObject(0)
                    .getJsonNumber("id")
                    .longValue();

            // the desk sees it arrive without reloading, the operator's text shown as text
            deskWait.until(d -> deskRow(desk, request) != null);
            WebElement row = deskRow(desk, request);
            assertThat(row.findElement(By.cssSelector(".danger-summary")).getText())
                    .isEqualTo("<b>Intrus</b> qui force la porte");
            assertThat(row.findElements(By.cssSelector(".danger-summary b"))).isEmpty();
            screenshot(desk, "unit-desk-danger-now");
            row.findElement(By.cssSelector(".acknowledge-danger")).click();
            deskWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "prise en compte"));
            assertNoViolationOn(desk);

            // the operator's console shows the acknowledgement without reloading
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("tasks:dangerRequests"), "Prise en compte par agent-guyancourt"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("tasks:messageList"), "Danger immédiat : demande prise en compte par"));
            screenshot("operator-danger-now-acknowledged");
        } finally {
            desk.quit();
        }
    }

    static WebElement deskRow(WebDriver desk, long id) {
        return desk.findElements(By.cssSelector("#desk\\:dangerNow tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().strip().equals(String.valueOf(id)))
                .findFirst()
                .orElse(null);
    }

    /** The row of a data table whose first cell is the given id, or null. */
    static WebElement rowIn(String tableId, long id) {
        return browser.findElements(By.cssSelector("#" + tableId.replace(":", "\\:") + " tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().strip().equals(String.valueOf(id)))
                .findFirst()
                .orElse(null);
    }

    /** Reloads a page until a table shows {@code text}: the engine forwards after the request that caused it. */
    static String reloadUntil(String page, String tableId, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String shown;
        do {
            browser.get(server.baseUrl() + page);
            shown = browser.findElement(By.id(tableId)).getText();
            if (shown.contains(text)) {
                return shown;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(text + " not shown on " + page + " within 30 s: " + shown);
    }

    @Test
    void aUnitDeclinesOnTheScreenAndASupervisorReroutesIt() throws Exception {
        Scenario scenario = new Scenario(server.baseUrl());
        long report = scenario.forwardedReport();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        login("agent-guyancourt");
        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        var row = rowOf("inbox:reports", report);
        row.findElement(By.cssSelector("input[id$=':reason']")).sendKeys("Faits commis à Versailles.");
        row.findElement(By.cssSelector(".decline")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "réorientation"));
        assertThat(browser.findElements(By.cssSelector("#inbox\\:reports tbody tr td:first-child")))
                .as("a unit that declined a report loses it")
                .extracting(e -> e.getText().strip())
                .doesNotContain(String.valueOf(report));

        login("superviseur");
        reloadUntil("/supervisor/rerouting.xhtml", "rerouting:reports", "Faits commis à Versailles.");
        row = rowOf("rerouting:reports", report);
        assertThat(row.getText()).contains("CSP-GUYANCOURT");
        assertThat(row.getText()).contains("Faits commis à Versailles.");
        new Select(row.findElement(By.cssSelector("select[id$=':unit']")))
                .selectByVisibleText("Commissariat de police de Versailles");
        screenshot("supervisor-rerouting");
        row.findElement(By.cssSelector(".reroute")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "nouvelle unité"));

        assertThat(scenario.as("agent-versailles").get("/inbox").array().getValuesAs(jakarta.json.JsonObject.class))
                .anyMatch(r -> r.getJsonNumber("id").longValue() == report);
    }

    /** The row of a data table whose first cell is the given id. */
    static org.openqa.selenium.WebElement rowOf(String tableId, long id) {
        return browser.findElements(By.cssSelector("#" + tableId.replace(":", "\\:") + " tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().strip().equals(String.valueOf(id)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id + " in " + tableId));
    }

    @Test
    void aUnitAgentCannotOpenTheOperatorsScreen() {
        login("agent-versailles");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        assertThat(browser.getPageSource()).doesNotContain("tasks:queue");
    }

    static void screenshot(String name) throws Exception {
        screenshot(browser, name);
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        Path dir = TestEnvironment.buildDir().resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
