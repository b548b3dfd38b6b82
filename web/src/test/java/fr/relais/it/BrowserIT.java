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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
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

    /** Signs {@code user} in (password: the user name, as the demo accounts have) in a fresh session. */
    static void login(WebDriver browser, String user) {
        login(browser, user, user);
    }

    /**
     * Signs {@code user} in with {@code password} in a fresh session of {@code browser}, on the shared test
     * server, and waits for the page to name them: the one sign-in helper of every browser test.
     */
    static void login(WebDriver browser, String user, String password) {
        String baseUrl = TestEnvironment.server().baseUrl();
        // cookies are deleted for the page's own site: be on Relais first (a test may have left it)
        browser.get(baseUrl + "/citoyen/index.xhtml");
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login.xhtml");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")))
                .sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys(password);
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

        login(browser, "operateur");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        assertThat(browser.findElement(By.id("tasks:queue")).getText()).contains(String.valueOf(chat));
        screenshot("operator-queue");

        Api.as(server.baseUrl(), "operateur").post("/chats/" + chat + "/take", null);
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        rowOf("tasks:mine", chat).findElement(By.cssSelector(".show-messages")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message-text")));
        assertThat(browser.findElements(By.cssSelector(".message-text")))
                .anySatisfy(e -> assertThat(e.getText()).isEqualTo(hostile));
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(browser.findElements(By.cssSelector(".message-text script"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".message-text img"))).isEmpty();
        screenshot("operator-messages");

        // closing without a report is confirmed by a second click
        Api operator = Api.as(server.baseUrl(), "operateur");
        new Select(browser.findElement(By.id("tasks:outcome"))).selectByVisibleText("Information donnée");
        browser.findElement(By.id("tasks:close")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Cliquez de nouveau"));
        assertThat(operator.get("/chats/" + chat).json().getString("status"))
                .as("not closed before the confirmation")
                .isEqualTo("TAKEN");
        browser.findElement(By.id("tasks:close")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Conversation close"));
        assertThat(operator.get("/chats/" + chat).json().getString("status")).isEqualTo("CLOSED");
    }

    @Test
    void aUnitAgentFindsTheUnitsInbox() throws Exception {
        long report = new Scenario(server.baseUrl()).forwardedReport();
        login(browser, "agent-guyancourt");
        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        String inbox = browser.findElement(By.id("inbox:reports")).getText();
        assertThat(inbox)
                .contains(String.valueOf(report))
                .contains("Guyancourt")
                .contains("Harcèlement");
        screenshot("unit-inbox");

        login(browser, "agent-versailles");
        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        assertThat(browser.findElements(By.cssSelector("#inbox\\:reports tbody tr td:first-child")))
                .extracting(e -> e.getText().strip())
                .doesNotContain(String.valueOf(report));
    }

    @Test
    void anOperatorTakesAChatThenQualifiesReviewsAndForwardsTheReportOnTheScreens() throws Exception {
        long chat = new Scenario(server.baseUrl()).openChat("Mon ex-conjoint me suit partout.");
        login(browser, "operateur");
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
        // threats: a territorial category, so the station covering Guyancourt receives it (violence at
        // home would go to the department's family-protection unit, see CompetenceSystemIT)
        new Select(browser.findElement(By.id("qualification:category"))).selectByVisibleText("Menaces");
        new Select(browser.findElement(By.id("qualification:urgency"))).selectByVisibleText("Élevée");
        assertThat(browser.findElement(By.id("categoryHelp")).getAttribute("textContent"))
                .contains("Fraude à la carte bancaire")
                .contains("Paiements ou retraits faits avec la carte");
        // the commune from the official list's suggestions: its INSEE code decides the place, and
        // Guyancourt's one postal code needs no typing
        browser.findElement(By.id("qualification:commune_input")).sendKeys("guyanc");
        By suggestion = By.xpath("//*[@id='qualification:commune_panel']//li[contains(., '(78297)')]");
        wait.until(ExpectedConditions.elementToBeClickable(suggestion)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("qualification:commune_panel")));
        assertThat(browser.findElement(By.id("qualification:commune_input")).getAttribute("value"))
                .isEqualTo("Guyancourt — Yvelines (78297)");
        browser.findElement(By.id("qualification:narrative"))
                .sendKeys("Marie Durand est suivie par son ex-conjoint. Elle est joignable au 06 12 34 56 78.");
        browser.findElement(By.id("qualification:firstName")).sendKeys("Marie");
        browser.findElement(By.id("qualification:lastName")).sendKeys("Durand");
        chooseWhen("UNKNOWN");
        screenshot("qualification-form");
        browser.findElement(By.id("qualification:submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review:outgoing")));
        String outgoing = browser.findElement(By.id("review:outgoing")).getAttribute("value");
        assertThat(outgoing)
                .doesNotContain("Durand")
                .doesNotContain("06 12 34 56 78")
                .contains("ex-conjoint");
        assertThat(browser.findElement(By.id("review:original")).getText()).contains("Marie Durand");
        assertThat(browser.findElement(By.cssSelector("[id='review:decisions'] .priority"))
                        .getText())
                .as("threats judged urgent: P2, decided by Priority.dmn")
                .isEqualTo("P2");
        screenshot("review");
        browser.findElement(By.id("review:approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "transmis"));

        // the conversation goes on after the report, and closes as "after a report"
        rowOf("tasks:mine", chat).findElement(By.cssSelector(".show-messages")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks:outcome")));
        new Select(browser.findElement(By.id("tasks:outcome"))).selectByVisibleText("Close après signalement");
        browser.findElement(By.id("tasks:close")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Conversation close"));

        login(browser, "agent-guyancourt");
        String inbox = reloadUntil("/unit/inbox.xhtml", "inbox:reports", "ex-conjoint");
        assertThat(inbox)
                .contains("Menaces")
                .doesNotContain("Durand")
                .doesNotContain("06 12 34 56 78")
                .doesNotContain("Marie");
        screenshot("unit-inbox-forwarded");
    }

    @Test
    void anOperatorTransfersAConversationToThePsychologistWhoAnswersAndHandsItBack() throws Exception {
        var opened = Api.anonymous(server.baseUrl())
                .post(
                        "/citizen/chats",
                        "{\"door\":\"VICTIM\",\"topic\":\"SEXUAL_VIOLENCE\",\"message\":"
                                + Scenario.json("Je n'arrive pas à en parler à mes proches.") + "}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long chat = opened.json().getJsonNumber("id").longValue();
        String token = opened.json().getString("token");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        login(browser, "operatrice-vss");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        rowOf("tasks:queue", chat).findElement(By.cssSelector(".take-chat")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks:transferTarget")));
        new Select(browser.findElement(By.id("tasks:transferTarget")))
                .selectByVisibleText("Le psychologue (plateforme VSS)");
        new Select(browser.findElement(By.id("tasks:transferTo"))).selectByValue("psychologue");
        browser.findElement(By.id("tasks:transferNote")).sendKeys("Besoin d'écoute <b>avant</b> la plainte");
        screenshot("operator-transfer");
        browser.findElement(By.id("tasks:transfer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Conversation transférée"));
        // read afresh: the staff socket's push may redraw the list between the look-up and the read (CI, stale element)
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("tasks:mine")).getText().contains(String.valueOf(chat)));

        login(browser, "psychologue");
        browser.get(server.baseUrl() + "/index.xhtml");
        browser.findElement(By.id("to-psychologist")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conversations:mine")));
        rowOf("conversations:mine", chat)
                .findElement(By.cssSelector(".show-messages"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("conversations:messageList"), "Besoin d'écoute <b>avant</b> la plainte"));
        assertThat(browser.findElements(By.cssSelector("#conversations\\:messageList b")))
                .isEmpty();
        browser.findElement(By.id("conversations:reply")).sendKeys("Je suis psychologue. Prenez votre temps.");
        browser.findElement(By.id("conversations:send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("conversations:messageList"), "Prenez votre temps"));
        screenshot("psychologist-conversation");
        var citizenSees =
                Api.anonymous(server.baseUrl()).get("/citizen/chats/" + chat + "/messages", "X-Chat-Token", token);
        assertThat(citizenSees.toString())
                .as("the reply reaches the citizen, the note is for staff only")
                .contains("Prenez votre temps")
                .doesNotContain("Besoin d");
        // the citizen's page labels the reply as the psychologist's, not an officer's
        WebDriver citizen = chromium("1280,900");
        try {
            citizen.get(server.baseUrl() + "/citoyen/chat.xhtml");
            ((JavascriptExecutor) citizen)
                    .executeScript(
                            "sessionStorage.setItem('relais.chat', JSON.stringify({id: arguments[0], token: arguments[1]}))",
                            chat,
                            token);
            citizen.navigate().refresh();
            new WebDriverWait(citizen, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".chat-line-psychologist"), "Prenez votre temps"));
            assertThat(citizen.findElement(By.cssSelector(".chat-line-psychologist .chat-author"))
                            .getText())
                    .isEqualTo("Psychologue de la plateforme");
            assertThat(citizen.findElements(By.cssSelector(".chat-line-operator")))
                    .isEmpty();
            screenshot(citizen, "citizen-psychologist-reply");
        } finally {
            citizen.quit();
        }

        new Select(browser.findElement(By.id("conversations:transferTarget")))
                .selectByVisibleText("La file d'attente de la plateforme");
        browser.findElement(By.id("conversations:transfer")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Conversation transférée"));
        var queue = Api.as(server.baseUrl(), "operatrice-vss").get("/chats?scope=queue");
        assertThat(queue.toString()).contains("\"id\":" + chat + ",");
    }

    @Test
    void aCitizenAndAnOperatorChatLiveWithoutReloading() throws Exception {
        login(browser, "operateur");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        awaitLive(browser);

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
            // while it waits: the position in the queue and the estimate, in plain French
            citizenWait.until(ExpectedConditions.textMatches(
                    By.id("chat-waiting"),
                    java.util.regex.Pattern.compile(
                            "Vous êtes (1er|\\d+e) dans la file\\. Attente estimée : environ \\d+ minutes?\\.")));

            // the operator's queue shows it without a reload (pushed on the platform's queue channel)
            wait.until(d -> rowIn("tasks:queue", chat) != null);
            assertThat(rowIn("tasks:queue", chat).getText()).contains("Vol, cambriolage");
            assertThat(rowIn("tasks:queue", chat)
                            .findElement(By.cssSelector(".waiting"))
                            .getAttribute("class"))
                    .contains("waiting-ok");
            screenshot("operator-queue-live");
            rowIn("tasks:queue", chat).findElement(By.cssSelector(".take-chat")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tasks:messageList"), "voler mon sac"));
            citizenWait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("chat-waiting"), "a pris en charge"));

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

            // unread marker: another held conversation counts its citizen's messages, pushed live; the open one has
            // none
            ChatIT.Opened other = ChatIT.open("VICTIM", "THEFT", "Bonjour, c'est une autre conversation.");
            Api operator = Api.as(server.baseUrl(), "operateur");
            assertThat(operator.post("/chats/" + other.id() + "/take", null).status())
                    .isEqualTo(200);
            wait.until(d -> "1".equals(unreadBadge(other.id())));
            var more = Api.anonymous(server.baseUrl())
                    .post(
                            "/citizen/chats/" + other.id() + "/messages",
                            "{\"text\":\"Vous me lisez ?\"}",
                            "X-Chat-Token",
                            other.token());
            assertThat(more.status()).as(more.toString()).isEqualTo(201);
            wait.until(d -> "2".equals(unreadBadge(other.id())));
            assertThat(rowIn("tasks:mine", other.id()).getText()).contains("2 messages non lus");
            assertThat(unreadBadge(chat))
                    .as("the open conversation was read as it came")
                    .isEmpty();
            screenshot("operator-unread");
            rowIn("tasks:mine", other.id())
                    .findElement(By.cssSelector(".show-messages"))
                    .click();
            wait.until(d -> "".equals(unreadBadge(other.id())));
            assertThat(operator.get("/chats?scope=mine").array().getValuesAs(jakarta.json.JsonObject.class))
                    .filteredOn(c -> c.getJsonNumber("id").longValue() == other.id())
                    .singleElement()
                    .satisfies(c -> assertThat(c.getInt("unread")).isZero());
            operator.post("/chats/" + other.id() + "/close", "{\"outcome\":\"INFORMATION\"}");

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
    void aCitizenFollowsTheirReportOnThePublicStatusPage() throws Exception {
        Scenario scenario = new Scenario(server.baseUrl());
        long id = scenario.reportInReview("On m'a volé ma voiture cette nuit.");
        String reference = scenario.as("operateur").get("/reports/" + id).json().getString("reference");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + "/");
        browser.findElement(By.id("to-follow")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-reference")));
        assertThat(browser.getTitle()).isEqualTo("Informations pratiques");
        assertThat(browser.getCurrentUrl()).endsWith("/citoyen/suivi.xhtml");
        assertThat(browser.findElement(By.cssSelector(".emergency")).getText())
                .contains("17")
                .contains("112")
                .contains("SMS 114");
        assertThat(browser.findElement(By.id("quick-exit")).getAttribute("href"))
                .startsWith("https://www.meteofrance.com");
        assertThat(browser.findElements(By.cssSelector("[onclick], [onload], [onsubmit], [style]")))
                .isEmpty();

        WebElement input = browser.findElement(By.id("receipt-reference"));
        input.sendKeys(reference.toLowerCase(java.util.Locale.ROOT).replace("-", " "));
        browser.findElement(By.id("receipt-check")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("receipt-result"), "data-stage", "RECEIVED"));
        assertThat(browser.findElement(By.id("receipt-result")).getText())
                .contains("reçu")
                .contains(reference)
                .doesNotContain("voiture");
        assertThat(browser.getCurrentUrl())
                .as("the reference stays out of the address")
                .doesNotContain(reference);
        screenshot("citizen-follow-up");

        input.clear();
        input.sendKeys("<img src=x onerror=\"document.title='pwned'\">");
        browser.findElement(By.id("receipt-check")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipt-result"), "Aucun signalement"));
        assertThat(browser.findElements(By.cssSelector("#receipt img"))).isEmpty();
        assertThat(browser.getTitle()).doesNotContain("pwned");

        assertThat(scenario.as("operateur")
                        .post("/reports/" + id + "/review", "{}")
                        .status())
                .isEqualTo(200);
        scenario.awaitStatus(id, "FORWARDED");
        input.clear();
        input.sendKeys(reference);
        browser.findElement(By.id("receipt-check")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("receipt-result"), "data-stage", "FORWARDED"));
        assertThat(browser.findElement(By.id("receipt-result")).getText())
                .contains("transmis")
                .doesNotContain("Guyancourt")
                .doesNotContain("GUYANCOURT");
    }

    @Test
    void aCitizenReportsInWritingWithThePublicFormAndAnOperatorChecksIt() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String marker = "marque-" + java.util.UUID.randomUUID();
        String hostile = "<img src=x onerror=\"document.title='pwned'\"> Deal chaque soir devant le hall B. " + marker;

        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + "/");
        assertThat(browser.findElement(By.cssSelector("a.door-REPORT")).getText())
                .isEqualTo("Discuter avec un policier");
        browser.findElement(By.cssSelector("a.door-REPORT-form")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
        assertThat(browser.getCurrentUrl()).endsWith("/citoyen/signaler.xhtml");
        assertThat(browser.getTitle()).isEqualTo("Informations pratiques");
        assertThat(browser.findElement(By.cssSelector(".emergency")).getText())
                .contains("17")
                .contains("112")
                .contains("SMS 114");
        assertThat(browser.findElement(By.id("quick-exit")).getAttribute("href"))
                .startsWith("https://www.meteofrance.com");
        assertThat(browser.findElements(By.cssSelector("[onclick], [onload], [onsubmit], [style]")))
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector("label[for='report-narrative']"))
                        .getText())
                .contains("Ce que vous avez vu");

        assertThat(browser.findElement(By.id("report-last-name")).isDisplayed())
                .as("anonymous by default: no name asked")
                .isFalse();

        // sent empty: a message beside each missing field, nothing sent
        browser.findElement(By.id("report-send")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("report-category-error"), "nature des faits"));
        assertThat(browser.findElement(By.id("report-commune-error")).getText()).contains("commune");
        assertThat(browser.findElement(By.id("report-when-error")).getText()).contains("date");
        assertThat(browser.findElement(By.id("report-narrative-error")).getText())
                .contains("Décrivez");
        assertThat(browser.findElement(By.id("report-narrative")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        new Select(browser.findElement(By.id("report-category"))).selectByVisibleText("Trafic de stupéfiants");
        browser.findElement(By.id("report-commune")).sendKeys("Guyancourt");
        browser.findElement(By.id("report-postal-code")).sendKeys("78280");
        browser.findElement(By.id("report-place")).sendKeys("Hall B, rue des Saules");
        browser.findElement(By.id("report-date")).sendKeys("20/11/2026"); // typed as a person would
        browser.findElement(By.id("report-time")).sendKeys("21:30");
        browser.findElement(By.id("report-narrative")).sendKeys(hostile);
        browser.findElement(By.id("report-phone")).sendKeys("06 12 34");
        browser.findElement(By.id("report-send")).click();
        // refused by the server: its message beside the phone, the rest kept as typed
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-phone-error"), "invalide"));
        assertThat(browser.findElement(By.id("report-narrative-error")).getText())
                .isEmpty();
        assertThat(browser.findElement(By.id("report-narrative")).getAttribute("value"))
                .isEqualTo(hostile);
        screenshot("citizen-report-form-refused");

        WebElement phone = browser.findElement(By.id("report-phone"));
        phone.clear();
        phone.sendKeys("06 12 34 56 78");
        browser.findElement(By.id("report-send")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-done")));
        String reference = browser.findElement(By.id("report-reference")).getText();
        assertThat(reference).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}");
        assertThat(browser.findElement(By.id("report-done")).getText()).contains("Notez cette référence");
        assertThat(browser.findElement(By.id("report-form")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).doesNotContain(reference);
        screenshot("citizen-report-form-done");

        browser.findElement(By.id("report-follow")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-reference")))
                .sendKeys(reference);
        browser.findElement(By.id("receipt-check")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("receipt-result"), "data-stage", "RECEIVED"));

        // an operator of the platform finds it to check, the form prefilled beside the statement
        login(browser, "operateur");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[@id='tasks:formReports']//tr[.//*[contains(@class,'receipt-reference') and text()='"
                        + reference + "']]")));
        assertThat(row.getText()).contains("Trafic de stupéfiants").contains("Guyancourt (78280)");
        row.findElement(By.cssSelector(".check-form-report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement-narrative")));
        assertThat(browser.findElement(By.id("statement-narrative")).getText()).isEqualTo(hostile);
        assertThat(browser.findElements(By.cssSelector("#statement img, .qualify-layout img")))
                .isEmpty();
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(browser.findElement(By.id("statement-when")).getText()).startsWith("20/11/2026 21:30");
        assertThat(browser.findElement(By.id("statement-identity")).getText()).isEqualTo("Anonyme");
        assertThat(browser.findElement(By.id("qualification:narrative")).getAttribute("value"))
                .contains("Hall B, rue des Saules")
                .contains(hostile);
        assertThat(browser.findElement(By.id("qualification:commune_input")).getAttribute("value"))
                .isEqualTo("Guyancourt — Yvelines (78297)");
        assertThat(new Select(browser.findElement(By.id("qualification:category")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Trafic de stupéfiants");
        assertThat(browser.findElement(By.id("qualification:phone")).getAttribute("value"))
                .isEqualTo("+33612345678");
        screenshot("qualification-form-report");

        new Select(browser.findElement(By.id("qualification:urgency"))).selectByVisibleText("Normale");
        browser.findElement(By.id("qualification:submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review:outgoing")));
        assertThat(browser.findElement(By.id("review:original")).getText()).contains(marker);
    }

    @Test
    void anOperatorQualifiesBesideTheLiveTranscriptAndCopiesMessagesIntoTheNarrative() throws Exception {
        Scenario scenario = new Scenario(server.baseUrl());
        String first = "Il m'a menacé avec un couteau <b>devant</b> la boulangerie.";
        var opened = scenario.anonymous()
                .post(
                        "/citizen/chats",
                        "{\"door\":\"VICTIM\",\"topic\":\"HARASSMENT\",\"message\":" + Scenario.json(first) + "}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long chat = opened.json().getJsonNumber("id").longValue();
        String token = opened.json().getString("token");
        var operator = scenario.as("operateur");
        assertThat(operator.post("/chats/" + chat + "/take", null).status()).isEqualTo(200);
        assertThat(operator.post("/chats/" + chat + "/messages", "{\"text\":\"Où êtes-vous maintenant ?\"}")
                        .status())
                .isEqualTo(201);
        var report = operator.post("/chats/" + chat + "/report", null);
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        long id = report.json().getJsonNumber("id").longValue();
        String reference = report.json().getString("reference");

        login(browser, "operateur");
        browser.get(server.baseUrl() + "/qualification/form.xhtml?id=" + id);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transcript")));
        assertThat(browser.findElement(By.cssSelector(".receipt-line")).getText())
                .contains(reference);
        assertThat(browser.findElement(By.id("transcript")).getText())
                .contains(first)
                .contains("Où êtes-vous maintenant ?")
                .contains(reference);
        assertThat(browser.findElements(By.cssSelector("#transcript b")))
                .as("typed text is text")
                .isEmpty();

        // the conversation goes on: the citizen's new message appears beside the form without a reload
        awaitLive(browser); // the page's socket is open before the push it must receive
        String later = "Il est parti en scooter rouge vers la gare.";
        assertThat(scenario.anonymous()
                        .post(
                                "/citizen/chats/" + chat + "/messages",
                                "{\"text\":" + Scenario.json(later) + "}",
                                "X-Chat-Token",
                                token)
                        .status())
                .isEqualTo(201);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), later));

        browser.findElement(By.id("qualification:narrative")).sendKeys("Menaces au couteau.");
        pick(first);
        pick(later);
        browser.findElement(By.id("copy-transcript")).click();
        String narrative = browser.findElement(By.id("qualification:narrative")).getAttribute("value");
        assertThat(narrative).isEqualTo("Menaces au couteau.\nInternaute : " + first + "\nInternaute : " + later);
        assertThat(browser.findElements(By.cssSelector(".transcript-pick:checked")))
                .isEmpty();
        screenshot("qualification-transcript");

        new Select(browser.findElement(By.id("qualification:category")))
                .selectByVisibleText("Harcèlement et cyberharcèlement");
        new Select(browser.findElement(By.id("qualification:urgency"))).selectByVisibleText("Normale");
        browser.findElement(By.id("qualification:postalCode")).sendKeys("78280");
        browser.findElement(By.id("qualification:commune_input")).sendKeys("Guyancourt");
        chooseWhen("EXACT");
        browser.findElement(By.id("qualification:factsAt")).sendKeys("20/11/2026 21:30");
        browser.findElement(By.id("qualification:submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review:outgoing")));
        assertThat(operator.get("/reports/" + id).json().getString("narrative")).isEqualTo(narrative);
    }

    @Test
    void anOperatorTypesWhenTheFactsHappenedInTheCommunesTimeAndFindsTheDraftAfterAReload() throws Exception {
        Scenario scenario = new Scenario(server.baseUrl());
        long chat = scenario.openChat("On m'a volé mon scooter à Saint-Denis.");
        var operator = scenario.as("operateur");
        assertThat(operator.post("/chats/" + chat + "/take", null).status()).isEqualTo(200);
        var report = operator.post("/chats/" + chat + "/report", null);
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        long id = report.json().getJsonNumber("id").longValue();

        login(browser, "operateur");
        browser.get(server.baseUrl() + "/qualification/form.xhtml?id=" + id);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("qualification:whenKind")));
        assertThat(browser.findElement(By.id("qualification:factsAt")).isDisplayed())
                .as("no date field before the operator says what is known")
                .isFalse();
        new Select(browser.findElement(By.id("qualification:category"))).selectByVisibleText("Vol de véhicule");
        new Select(browser.findElement(By.id("qualification:urgency"))).selectByVisibleText("Normale");
        chooseWhen("EXACT");
        assertThat(browser.findElement(By.id("qualification:zoneAt")).getText()).isEqualTo("heure de Paris");
        browser.findElement(By.id("qualification:commune_input")).sendKeys("saint denis");
        By suggestion = By.xpath("//*[@id='qualification:commune_panel']//li[contains(., '(97411)')]");
        wait.until(ExpectedConditions.elementToBeClickable(suggestion)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("qualification:commune_panel")));
        browser.findElement(By.id("qualification:postalCode")).sendKeys("97400");
        wait.until(ExpectedConditions.textToBe(By.id("qualification:zoneAt"), "heure de La Réunion"));

        // typed as a person types it; the calendar opens on demand under the field, covering nothing
        WebElement factsAt = browser.findElement(By.id("qualification:factsAt"));
        factsAt.sendKeys("20/11/2026 22:00");
        browser.findElement(By.cssSelector("[aria-controls='calendar-factsAt']"))
                .click();
        WebElement calendar = browser.findElement(By.id("calendar-factsAt"));
        wait.until(ExpectedConditions.visibilityOf(calendar));
        assertCoversNoField(calendar);
        screenshot("qualification-when-calendar");
        browser.findElement(By.xpath("//div[@id='calendar-factsAt']//td[not(contains(@class, 'other-month'))]"
                        + "//*[normalize-space(text())='1']"))
                .click();
        String firstOfTheMonth = java.time.LocalDate.now(java.time.ZoneId.of("Indian/Reunion"))
                .withDayOfMonth(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        wait.until(ExpectedConditions.attributeToBe(factsAt, "value", firstOfTheMonth + " 22:00"));
        assertThat(calendar.isDisplayed()).as("closed once a day is picked").isFalse();
        factsAt.clear();
        factsAt.sendKeys("20/11/2026 22:00");
        browser.findElement(By.id("qualification:narrative")).sendKeys("Scooter volé devant la médiathèque.");
        // saved on the server as it is typed, without any button
        String draft = "/reports/" + id + "/qualification/draft";
        wait.until(b -> "Scooter volé devant la médiathèque."
                .equals(operator.get(draft).json().getString("narrative", "")));
        assertThat(operator.get(draft).json().getString("factsAt")).isEqualTo("20/11/2026 22:00");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft:status"), "Brouillon enregistré"));
        screenshot("qualification-when-draft");

        // a reload (or a crash) loses nothing
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("qualification:whenKind")));
        assertThat(browser.findElement(By.cssSelector(".relais-draft-restored")).getText())
                .contains("brouillon a été restauré");
        assertThat(browser.findElement(By.id("qualification:factsAt")).getAttribute("value"))
                .isEqualTo("20/11/2026 22:00");
        assertThat(browser.findElement(By.id("qualification:factsAt")).isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.id("qualification:narrative")).getAttribute("value"))
                .isEqualTo("Scooter volé devant la médiathèque.");
        assertThat(browser.findElement(By.id("qualification:commune_input")).getAttribute("value"))
                .isEqualTo("Saint-Denis — La Réunion (97411)");
        assertThat(new Select(browser.findElement(By.id("qualification:category")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Vol de véhicule");
        assertThat(browser.findElement(By.id("qualification:zoneAt")).getText()).isEqualTo("heure de La Réunion");

        // a period that ends before it starts: the message is beside the field
        chooseWhen("PERIOD");
        browser.findElement(By.id("qualification:factsFrom")).sendKeys("03/11/2026");
        browser.findElement(By.id("qualification:factsTo")).sendKeys("01/11/2026");
        browser.findElement(By.id("qualification:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("qualification:factsToMessage"), "après son début"));
        screenshot("qualification-when-refused");
        WebElement to = browser.findElement(By.id("qualification:factsTo"));
        to.clear();
        to.sendKeys("05/11/2026");
        browser.findElement(By.id("qualification:factsFrom")).clear();
        browser.findElement(By.id("qualification:factsFrom")).sendKeys("01/11/2026 21h30");
        browser.findElement(By.id("qualification:submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review:outgoing")));
        assertThat(browser.findElement(By.id("review:factsWhen")).getText())
                .isEqualTo("du 01/11/2026 21:30 au 05/11/2026 (heure de La Réunion)");

        var qualified = operator.get("/reports/" + id).json();
        assertThat(qualified.getString("factsWhen")).isEqualTo("PERIOD");
        assertThat(qualified.getString("factsZone")).isEqualTo("Indian/Reunion");
        assertThat(java.time.Instant.parse(qualified.getString("factsAt")))
                .as("21:30 in La Réunion")
                .isEqualTo(java.time.Instant.parse("2026-11-01T17:30:00Z"));
        assertThat(java.time.Instant.parse(qualified.getString("factsUntil")))
                .as("the end of 5 November in La Réunion")
                .isEqualTo(java.time.Instant.parse("2026-11-05T20:00:00Z"));
        assertThat(operator.get("/reports/" + id + "/qualification/draft").json())
                .as("the draft goes with the qualification")
                .isEmpty();
    }

    /** Says what is known of when the facts happened: EXACT, PERIOD or UNKNOWN. */
    static void chooseWhen(String kind) {
        browser.findElement(By.cssSelector("input[name='qualification:whenKind'][value='" + kind + "']"))
                .click();
    }

    /** No visible field of the qualification form lies under {@code overlay}. */
    static void assertCoversNoField(WebElement overlay) {
        org.openqa.selenium.Rectangle over = overlay.getRect();
        for (WebElement field : browser.findElements(By.cssSelector(
                "#qualification input:not([type=hidden]), #qualification select, #qualification textarea"))) {
            if (!field.isDisplayed()
                    || overlay.findElements(By.id(field.getAttribute("id"))).size() > 0) {
                continue;
            }
            org.openqa.selenium.Rectangle r = field.getRect();
            boolean overlaps = r.x < over.x + over.width
                    && over.x < r.x + r.width
                    && r.y < over.y + over.height
                    && over.y < r.y + r.height;
            assertThat(overlaps)
                    .as("the calendar covers " + field.getAttribute("id"))
                    .isFalse();
        }
    }

    /** Ticks the transcript's line showing {@code text}. */
    static void pick(String text) {
        browser.findElements(By.cssSelector("#transcript .transcript-line")).stream()
                .filter(l ->
                        l.findElement(By.cssSelector(".message-text")).getText().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no transcript line " + text))
                .findElement(By.cssSelector(".transcript-pick"))
                .click();
    }

    @Test
    void anOperatorChangesStatusOnTheConsoleAndInsertsACannedAnswerInOneClickThenHandsOverAtTheEndOfTheShift()
            throws Exception {
        String title = "Accueil navigateur " + System.nanoTime();
        String text = "Bonjour <b>je vous écoute</b>, que s'est-il passé ?";
        Api admin = Api.as(server.baseUrl(), "admin");
        var created = admin.post(
                "/canned-answers",
                "{\"platform\":\"GENERALIST\",\"kind\":\"ANSWER\",\"title\":" + Scenario.json(title) + ",\"body\":"
                        + Scenario.json(text) + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long answer = created.json().getJsonNumber("id").longValue();
        String user = "op-browser-" + System.nanoTime() % 1_000_000_000L;
        SecurityIT.createOperator(user);
        String relief = user + "-relief";
        SecurityIT.createOperator(relief);
        Api operator = Api.as(server.baseUrl(), user, "operateur");
        long chat = new Scenario(server.baseUrl()).openChat("Bonjour, on m'a menacé.");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            login(browser, user, "operateur");
            browser.get(server.baseUrl() + "/operator/tasks.xhtml");
            assertThat(browser.findElement(By.id("status:current")).getText()).contains("Disponible");

            new Select(browser.findElement(By.id("status:next"))).selectByValue("ON_BREAK");
            browser.findElement(By.id("status:change")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status:current"), "En pause"));
            assertThat(operator.get("/operators/me").json().getString("status")).isEqualTo("ON_BREAK");
            rowIn("tasks:queue", chat).findElement(By.cssSelector(".take-chat")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "pas disponible"));
            screenshot("operator-on-break");

            new Select(browser.findElement(By.id("status:next"))).selectByValue("AVAILABLE");
            browser.findElement(By.id("status:change")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status:current"), "Disponible"));
            wait.until(d -> rowIn("tasks:queue", chat) != null);
            rowIn("tasks:queue", chat).findElement(By.cssSelector(".take-chat")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tasks:messageList"), "menacé"));

            WebElement insert = browser.findElements(By.cssSelector(".canned-answer")).stream()
                    .filter(b -> b.getText().strip().equals(title))
                    .findFirst()
                    .orElseThrow();
            browser.findElement(By.id("tasks:reply")).sendKeys("Madame,");
            insert.click();
            assertThat(browser.findElement(By.id("tasks:reply")).getAttribute("value"))
                    .isEqualTo("Madame, " + text);
            screenshot("operator-canned-answer");
            browser.findElement(By.id("tasks:send")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("tasks:messageList"), "que s'est-il passé ?"));
            assertThat(browser.findElements(By.cssSelector(".message-text")))
                    .anySatisfy(e -> assertThat(e.getText()).isEqualTo("Madame, " + text));
            assertThat(browser.findElements(By.cssSelector(".message-text b, .canned-answers b")))
                    .as("the canned answer is text, never markup")
                    .isEmpty();

            // going off shift, the operator hands the conversation to the colleague picked beside the status
            new Select(browser.findElement(By.id("status:next"))).selectByValue("OFF_SHIFT");
            new Select(browser.findElement(By.id("status:handTo"))).selectByValue(relief);
            screenshot("operator-off-shift-hand-over");
            browser.findElement(By.id("status:change")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status:current"), "Hors service"));
            assertThat(Api.as(server.baseUrl(), relief, "operateur")
                            .get("/chats/" + chat)
                            .json()
                            .getString("operator"))
                    .isEqualTo(relief);
        } finally {
            operator.post("/chats/" + chat + "/close", "{\"outcome\":\"INFORMATION\"}");
            Api.as(server.baseUrl(), relief, "operateur")
                    .post("/chats/" + chat + "/close", "{\"outcome\":\"INFORMATION\"}");
            admin.send("DELETE", "/canned-answers/" + answer, null);
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
        login(browser, "operateur");
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
            awaitLive(desk); // the desk's channel granted before the request is raised

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
    /**
     * Waits until the page's staff socket is open and its channels granted (staff-socket.js marks its
     * element {@code data-state="open"} when the server says "ready"): a push sent before would be missed.
     */
    static void awaitLive(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("[data-staff-socket][data-state='open']"))
                        .isEmpty());
    }

    static WebElement rowIn(String tableId, long id) {
        return browser.findElements(By.cssSelector("#" + tableId.replace(":", "\\:") + " tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().strip().equals(String.valueOf(id)))
                .findFirst()
                .orElse(null);
    }

    /** The unread badge of a held conversation on the console: its count, "" without one, null without the row. */
    static String unreadBadge(long chatId) {
        try {
            WebElement row = rowIn("tasks:mine", chatId);
            if (row == null) {
                return null;
            }
            java.util.List<WebElement> badges = row.findElements(By.cssSelector(".unread-badge"));
            return badges.isEmpty() ? "" : badges.get(0).getAttribute("data-unread");
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return null; // redrawn meanwhile: read again
        }
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

        login(browser, "agent-guyancourt");
        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        var row = rowOf("inbox:reports", report);
        row.findElement(By.cssSelector("input[id$=':reason']")).sendKeys("Faits commis à Versailles.");
        row.findElement(By.cssSelector(".decline")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "réorientation"));
        assertThat(browser.findElements(By.cssSelector("#inbox\\:reports tbody tr td:first-child")))
                .as("a unit that declined a report loses it")
                .extracting(e -> e.getText().strip())
                .doesNotContain(String.valueOf(report));

        login(browser, "superviseur");
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

        // the report search says which rule chose the unit: here the supervisor, not competence
        String reference =
                scenario.as("superviseur").get("/reports/" + report).json().getString("reference");
        browser.findElement(By.id("reportSearch:reference")).sendKeys(reference);
        browser.findElement(By.id("reportSearch:search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("found-competence"), "Réorientation par la supervision"));
        assertThat(browser.findElement(By.id("found-competence")).getText()).contains("superviseur");
    }

    @Test
    void aUnitAcknowledgesTakesOverAndRecordsTheOutcomeOnTheDetailPageAndFindsTheReportInItsReports() throws Exception {
        Scenario scenario = new Scenario(server.baseUrl());
        long report = scenario.forwardedReport();
        String reference =
                scenario.as("operateur").get("/reports/" + report).json().getString("reference");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        login(browser, "agent-guyancourt");
        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        var row = rowOf("inbox:reports", report);
        assertThat(row.getText())
                .contains("78280 Guyancourt")
                .contains("20/11/2026")
                .contains("Harcèlement");
        assertThat(row.findElements(By.cssSelector(".time-left")))
                .as("the time left before the acknowledgement target")
                .hasSize(1);
        row.findElement(By.cssSelector("a.detail")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reference"), reference));
        assertThat(browser.findElement(By.id("competence")).getText()).contains("Unité couvrant la commune");
        assertThat(browser.findElement(By.id("report:history")).getText()).contains("CSP-GUYANCOURT");
        assertThat(browser.findElement(By.id("minor")).getText()).isEqualTo("Non");
        screenshot("unit-report-detail");

        browser.findElement(By.id("report:acknowledge")).click();
        wait.until(d -> d.findElements(By.id("report:acknowledge")).isEmpty()
                && !d.findElements(By.id("report:takeOver")).isEmpty());
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Réception accusée");
        assertThat(browser.findElement(By.id("acknowledged")).getText()).contains("agent-guyancourt");

        browser.findElement(By.id("report:takeOver")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report:recordOutcome")));
        new Select(browser.findElement(By.id("report:outcomeChoice"))).selectByVisibleText("Plainte enregistrée");
        browser.findElement(By.id("report:note")).sendKeys("PV 2026/123");
        browser.findElement(By.id("report:recordOutcome")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Clos"));
        assertThat(browser.findElement(By.id("outcome")).getText())
                .contains("Plainte enregistrée")
                .contains("PV 2026/123");
        scenario.awaitStatus(report, "CLOSED");

        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        browser.findElement(By.id("ours:reference")).sendKeys(reference);
        browser.findElement(By.id("ours:search")).click();
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d ->
                        d.findElements(By.cssSelector("#ours\\:taken tbody tr")).size() == 1
                                && d.findElement(By.id("ours:taken")).getText().contains(reference)
                                && d.findElement(By.id("ours:taken")).getText().contains("Clos"));

        login(browser, "agent-versailles");
        browser.get(server.baseUrl() + "/unit/report.xhtml?id=" + report);
        assertThat(browser.getPageSource())
                .as("another unit's report does not exist for it")
                .contains("Page introuvable")
                .doesNotContain(reference);
    }

    @Test
    void aUnitDeclinesWithASuggestionAndTheSupervisorSeesWhoWhyAndTheSuggestionWithTheDecliningUnitLast()
            throws Exception {
        Scenario scenario = new Scenario(server.baseUrl());
        long report = scenario.forwardedReport();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        login(browser, "agent-guyancourt");
        browser.get(server.baseUrl() + "/unit/report.xhtml?id=" + report);
        browser.findElement(By.id("report:reason")).sendKeys("Les faits relèvent de Versailles.");
        new Select(browser.findElement(By.id("report:suggestion")))
                .selectByVisibleText("Commissariat de police de Versailles");
        browser.findElement(By.id("report:decline")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "réorientation"));
        browser.get(server.baseUrl() + "/unit/report.xhtml?id=" + report);
        assertThat(browser.getPageSource())
                .as("the declining unit loses the report")
                .contains("Page introuvable");

        login(browser, "superviseur");
        reloadUntil("/supervisor/rerouting.xhtml", "rerouting:reports", "Les faits relèvent de Versailles.");
        var row = rowOf("rerouting:reports", report);
        assertThat(row.getText())
                .contains("CSP-GUYANCOURT (agent-guyancourt")
                .contains("Unité suggérée : CSP-VERSAILLES");
        var options = new Select(row.findElement(By.cssSelector("select[id$=':unit']"))).getOptions();
        assertThat(options.get(1).getText()).isEqualTo("Commissariat de police de Versailles (suggérée par l'unité)");
        assertThat(options.get(options.size() - 1).getText()).endsWith("(a décliné)");
        assertThat(options.subList(1, options.size() - 1))
                .noneMatch(o -> o.getText().endsWith("(a décliné)"));
        screenshot("supervisor-rerouting-declined");
    }

    /** The row of a data table whose first cell is the given id. */
    static org.openqa.selenium.WebElement rowOf(String tableId, long id) {
        return browser.findElements(By.cssSelector("#" + tableId.replace(":", "\\:") + " tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().strip().equals(String.valueOf(id)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id + " in " + tableId));
    }

    @Test
    void aSupervisorClosesTheTickedWaitingChatsAsSpamInOneAction() throws Exception {
        Scenario scenario = new Scenario(server.baseUrl());
        long first = scenario.openChat("Gagnez un téléphone, cliquez ici");
        long second = scenario.openChat("Gagnez un téléphone, cliquez ici !");
        long genuine = scenario.openChat("<b>On m'a volé mon sac</b>");
        login(browser, "superviseur");
        browser.findElement(By.id("to-spam")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("waiting:chats")));

        rowOf("waiting:chats", first).findElement(By.cssSelector(".spam-pick")).click();
        rowOf("waiting:chats", second).findElement(By.cssSelector(".spam-pick")).click();
        browser.findElement(By.id("waiting:closeAsSpam")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "2 conversations closes comme indésirables"));
        screenshot("supervisor-spam");

        assertThat(browser.findElements(By.cssSelector("#waiting\\:chats tbody tr td:first-child")))
                .extracting(e -> e.getText().strip())
                .doesNotContain(String.valueOf(first), String.valueOf(second))
                .contains(String.valueOf(genuine));
        var closed = scenario.as("superviseur").get("/chats/" + first).json();
        assertThat(closed.getString("outcome")).isEqualTo("SPAM");
        assertThat(scenario.as("superviseur").get("/chats/" + genuine).json().getString("status"))
                .isEqualTo("WAITING");
    }

    /** The two-minute promise on the queue: amber from 60 s of waiting, red from 120 s (the breach). */
    @Test
    void aWaitingChatTurnsAmberAt60SecondsThenRedAt120OnTheQueue() throws Exception {
        long chat = new Scenario(server.baseUrl()).openChat("Bonjour, je voudrais signaler un vol.");
        waitingSince(chat, 70);
        login(browser, "operateur");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> rowIn("tasks:queue", chat) != null);
        assertThat(rowIn("tasks:queue", chat)
                        .findElement(By.cssSelector(".waiting"))
                        .getAttribute("class"))
                .contains("waiting-amber")
                .doesNotContain("waiting-red");
        screenshot("operator-queue-amber");

        waitingSince(chat, 130);
        browser.navigate().refresh();
        wait.until(d -> rowIn("tasks:queue", chat) != null);
        assertThat(rowIn("tasks:queue", chat)
                        .findElement(By.cssSelector(".waiting"))
                        .getAttribute("class"))
                .contains("waiting-red");
        assertThat(rowIn("tasks:queue", chat)
                        .findElement(By.cssSelector(".waiting"))
                        .getText())
                .matches("1[3-9]\\d s");
    }

    /** Backdates when {@code chat} entered the queue, as if it had waited {@code seconds}. */
    private static void waitingSince(long chat, int seconds) throws Exception {
        var db = TestEnvironment.systemDatabase();
        try (var connection = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
                var update = connection.prepareStatement("update chat set queued_at = ? where id = ?")) {
            update.setTimestamp(
                    1, java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(seconds)));
            update.setLong(2, chat);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** The quick exit leaves for the neutral site at once and the tab keeps nothing of the chat. */
    @Test
    void theQuickExitLeavesAtOnceAndTheChatIsGoneFromTheTab() throws Exception {
        WebDriver citizen = browser;
        WebDriverWait wait = new WebDriverWait(citizen, Duration.ofSeconds(20));
        citizen.get(server.baseUrl() + "/");
        citizen.findElement(By.cssSelector("a.door-VICTIM")).click();
        citizen.findElement(By.cssSelector("a.topic-THEFT")).click();
        citizen.findElement(By.id("chat-text")).sendKeys("Bonjour, il est derrière la porte.");
        citizen.findElement(By.id("chat-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".chat-line-citizen"), "derrière la porte"));
        assertThat(((JavascriptExecutor) citizen).executeScript("return sessionStorage.getItem('relais.chat')"))
                .isNotNull();
        String chatPage = citizen.getCurrentUrl();

        citizen.findElement(By.id("quick-exit")).click();
        // the neutral site (unreachable from the test machine: an error page stands for it)
        wait.until(d -> !d.getCurrentUrl().startsWith(server.baseUrl()));
        citizen.navigate().back();
        assertThat(citizen.getCurrentUrl())
                .as("the chat page was replaced in the history: going back does not show it")
                .isNotEqualTo(chatPage);

        citizen.get(server.baseUrl() + "/");
        citizen.findElement(By.cssSelector("a.door-VICTIM")).click();
        citizen.findElement(By.cssSelector("a.topic-THEFT")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-text")));
        assertThat(((JavascriptExecutor) citizen).executeScript("return sessionStorage.getItem('relais.chat')"))
                .as("the tab forgot the conversation")
                .isNull();
        assertThat(citizen.findElements(By.cssSelector(".chat-line"))).isEmpty();
    }

    @Test
    void aUnitAgentCannotOpenTheOperatorsScreen() {
        login(browser, "agent-versailles");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        assertThat(browser.getPageSource()).doesNotContain("tasks:queue");
    }

    @Test
    void anAdminCreatesAnAccountWhoseUserMustChangeThePasswordAndADisabledAccountsSessionEnds() throws Exception {
        String user = "compte-ecran-" + System.nanoTime() % 1_000_000_000L;
        login(browser, "admin");
        browser.get(server.baseUrl() + "/admin/accounts.xhtml");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accounts:username")))
                .sendKeys(user);
        browser.findElement(By.id("accounts:displayName")).sendKeys("Camille Essai");
        browser.findElement(By.cssSelector("input[name='accounts:roles'][value='OPERATOR']"))
                .click();
        new Select(browser.findElement(By.id("accounts:platform"))).selectByValue("GENERALIST");
        browser.findElement(By.id("accounts:save")).click();
        String temporary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password")))
                .getText()
                .strip();
        assertThat(temporary).hasSize(16);
        assertThat(browser.findElement(By.id("accounts:list")).getText()).contains(user, "Camille Essai");
        screenshot("accounts-created");

        login(browser, user, temporary);
        assertThat(browser.getCurrentUrl()).contains("/account/password.xhtml");
        assertThat(browser.findElement(By.id("must-change")).getText()).contains("doit être changé");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        assertThat(browser.getPageSource()).as("nothing else opens").doesNotContain("tasks:queue");
        browser.get(server.baseUrl() + "/account/password.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password:current")))
                .sendKeys(temporary);
        browser.findElement(By.id("password:next")).sendKeys("Court-1");
        browser.findElement(By.id("password:confirmation")).sendKeys("Court-1");
        browser.findElement(By.id("password:change")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("messages")))
                        .getText())
                .contains("au moins 12");
        browser.findElement(By.id("password:current")).sendKeys(temporary);
        browser.findElement(By.id("password:next")).sendKeys("Camille-2026-essai");
        browser.findElement(By.id("password:confirmation")).sendKeys("Camille-2026-essai");
        browser.findElement(By.id("password:change")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-changed")))
                        .getText())
                .contains("Mot de passe changé");

        login(browser, user, "Camille-2026-essai");
        assertThat(browser.findElement(By.id("role-intro-operator")).getText()).contains("conversations");
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
        assertThat(browser.getPageSource()).contains("tasks:");

        var disabled = Api.as(server.baseUrl(), "admin").post("/users/" + user + "/disable", null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);
        browser.get(server.baseUrl() + "/operator/tasks.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        assertThat(browser.findElements(By.id("current-user")))
                .as("the session ended")
                .isEmpty();
    }

    @Test
    void theSupervisorsLiveViewShowsANewChatAndItsTakeWithoutReloading() throws Exception {
        login(browser, "superviseur");
        browser.get(server.baseUrl() + "/supervisor/platform.xhtml");
        // the table is redrawn on every push: a row read while it is replaced is read again
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("platform:waiting")));
        assertThat(browser.findElement(By.id("figures-hour")).getText()).contains("Prises en charge en moins de 2 min");

        Scenario scenario = new Scenario(server.baseUrl());
        long chat = scenario.openChat("Bonjour, je voudrais de l'aide.");
        wait.until(driver -> driver.findElements(By.cssSelector("#platform\\:waiting .chat-id")).stream()
                .anyMatch(e -> e.getText().equals(String.valueOf(chat))));
        screenshot("supervisor-platform-live");

        assertThat(scenario.as("operateur")
                        .post("/chats/" + chat + "/take", null)
                        .status())
                .isEqualTo(200);
        wait.until(driver -> driver.findElements(By.cssSelector("#platform\\:waiting .chat-id")).stream()
                .noneMatch(e -> e.getText().equals(String.valueOf(chat))));
        assertThat(browser.findElement(By.id("platform:team")).getText()).contains("operateur");
    }

    static void screenshot(String name) throws Exception {
        screenshot(browser, name);
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        Path dir = TestEnvironment.buildDir().resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void anAdminChecksACsvFileOnTheDirectoryScreenSeesItsBadLineThenImportsAGoodFile() throws Exception {
        String code = "CSP-SAINT-FLOUR-"
                + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        String header = "code;kind;name;department;commune;address;phone;opening_hours;desk_24h;communes;source";
        String goodLine =
                code + ";POLICE_STATION;Commissariat de test de Saint-Flour;15;Saint-Flour;;;;false;15187;Test";
        Path bad = Files.createTempFile("relais-units-bad", ".csv");
        Files.writeString(
                bad, header + "\n" + goodLine + "\n" + code + "-B;POLICE_STATION;Autre;15;;;;;peut-être;15187;Test\n");
        Path good = Files.createTempFile("relais-units-good", ".csv");
        Files.writeString(good, header + "\n" + goodLine + "\n");

        login(browser, "admin");
        browser.findElement(By.id("to-units")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload:check")));

        browser.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(bad.toString());
        browser.findElement(By.id("upload:check")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result:bad-lines")));
        assertThat(browser.findElements(By.cssSelector(".bad-line-number")))
                .extracting(WebElement::getText)
                .containsExactly("3");
        assertThat(browser.findElement(By.cssSelector(".bad-line-reason")).getText())
                .isEqualTo("La colonne desk_24h vaut true ou false, pas « peut-être ».");
        assertThat(browser.findElements(By.id("result:apply")))
                .as("a bad file cannot be imported")
                .isEmpty();
        screenshot("admin-units-bad-line");

        browser.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(good.toString());
        browser.findElement(By.id("upload:check")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result:apply")));
        assertThat(browser.findElement(By.cssSelector(".change-code")).getText())
                .isEqualTo(code);
        assertThat(browser.findElement(By.cssSelector(".change-action")).getText())
                .isEqualTo("Ajoutée");
        browser.findElement(By.id("result:apply")).click();
        // the Ajax answer replaces the messages while they are read: Chromium then says the node left the
        // document (an "unknown error", not a stale element), so the wait reads them again
        wait.ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Import effectué"));
        assertThat(browser.findElement(By.id("history")).getText())
                .contains(good.getFileName().toString(), "Appliqué", code);
        screenshot("admin-units-imported");

        var units = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/v1/units"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString("admin:admin".getBytes()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(units.body()).contains(goodLine).doesNotContain(code + "-B;");
    }

    /** The auditor lands on their home, finds a report by its reference, opens its timeline and verifies it. */
    @Test
    void anAuditorSearchesAReferenceAndOpensItsTimeline() throws Exception {
        Scenario scenario = new Scenario(server.baseUrl());
        long report = scenario.forwardedReport();
        String reference =
                scenario.as("operateur").get("/reports/" + report).json().getString("reference");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        login(browser, "auditeur");
        assertThat(browser.getCurrentUrl()).as("the auditor's landing").contains("/auditor/index.xhtml");
        assertThat(browser.findElement(By.id("auditor-intro")).getText()).contains("sans rien modifier");
        browser.findElement(By.id("search:reference")).sendKeys(reference);
        browser.findElement(By.id("search:do-search")).click();
        wait.until(d -> d.findElements(By.cssSelector("#search\\:reports a.auditor-open"))
                                .size()
                        == 1
                && d.findElement(By.cssSelector("#search\\:reports a.auditor-open"))
                        .getText()
                        .equals(reference));
        screenshot("auditor-search");
        browser.findElement(By.cssSelector("#search\\:reports a.auditor-open")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-reference"), reference));
        var kinds = browser.findElements(By.cssSelector("#history\\:timeline .timeline-kind")).stream()
                .map(e -> e.getText().strip())
                .toList();
        assertThat(kinds).contains("report_created", "report_qualified", "forwarded", "user_task");
        assertThat(browser.findElement(By.id("history:timeline")).getText())
                .contains("Processus", "Application", "operateur");
        browser.findElement(By.id("history:verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history:verification-result"), "intacte"));
        screenshot("auditor-report-timeline");
    }

    /** A missed acknowledgement appears on the supervisor's alerts screen by itself, and is acknowledged. */
    @Test
    void aMissedAcknowledgementAppearsOnTheSupervisorsAlertsScreenAndIsAcknowledged() throws Exception {
        long report = new Scenario(server.baseUrl()).forwardedReport();
        login(browser, "superviseur");
        browser.get(server.baseUrl() + "/supervisor/alerts.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        String row = "//tbody[@id='alerts:open_data']/tr[.//span[contains(@class,'alert-report')"
                + " and normalize-space(.)='Signalement n° " + report + "']]";
        assertThat(browser.findElements(By.xpath(row))).isEmpty();
        awaitLive(browser);

        EscalationSystemIT.makeTimerDue(report, "Timer_AcknowledgementMissed");
        // the lists are pushed: any alert raised meanwhile (other tests' timers) renders them again, so
        // each read and click finds its element afresh until it holds
        wait.ignoring(StaleElementReferenceException.class);
        String kind = wait.until(d -> d.findElement(By.xpath(row + "//span[contains(@class,'alert-kind')]"))
                .getText());
        assertThat(kind).isEqualTo("Accusé de réception en retard (unité)");
        screenshot("supervisor-alerts");

        wait.until(d -> {
            d.findElement(By.xpath(row + "//button[contains(@class,'acknowledge-alert')]"))
                    .click();
            return true;
        });
        wait.until(ExpectedConditions.numberOfElementsToBe(By.xpath(row), 0));
        String done = "//tbody[@id='alerts:acknowledged_data']/tr[contains(normalize-space(.),'Signalement n° " + report
                + "')]";
        String by = wait.until(d -> d.findElement(By.xpath(done + "//span[contains(@class,'acknowledged-by')]"))
                .getText());
        assertThat(by).startsWith("superviseur — ");

        // at the second deadline the departmental level reads it, and only reads it
        EscalationSystemIT.makeTimerDue(report, "Timer_AcknowledgementMissedTwice");
        EscalationSystemIT.awaitAlert(report, "ACK_MISSED_DEPARTMENT");
        String reference = new Scenario(server.baseUrl())
                .as("operateur")
                .get("/reports/" + report)
                .json()
                .getString("reference");
        login(browser, "agent-ddpn78");
        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        var late = browser.findElement(
                By.xpath("//tbody[@id='escalated:late_data']/tr[.//a[normalize-space(.)='" + reference + "']]"));
        assertThat(late.getText()).contains("CSP-GUYANCOURT");
        screenshot("unit-escalated-to-department");
        late.findElement(By.cssSelector("a.detail")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reference"), reference));
        assertThat(browser.findElement(By.id("report:read-only")).getText()).contains("Consultation seule");
        assertThat(browser.findElement(By.id("acknowledged")).getText()).contains("Pas encore accusée");
        assertThat(browser.findElement(By.id("escalation")).getText()).contains("POLICE-78");
        assertThat(browser.findElements(By.id("report:acknowledge"))).isEmpty();
        assertThat(browser.findElements(By.id("report:decline"))).isEmpty();
    }
}
