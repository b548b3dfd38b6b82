package fr.relais.it;

import static fr.relais.it.BrowserIT.login;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The auditor's history page in the system's headless Chromium: the diagram drawn by bpmn-js with the path
 * taken marked, the time at each step, citizen text shown as text, and the PDF downloaded from the page.
 */
class AuditBrowserIT {
    static RelaisServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestEnvironment.server();
        browser = BrowserIT.chromium("1280,900");
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
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
    void theHistoryPageDrawsTheDiagramWithThePathTakenTheTimesAndCitizenTextAsText() throws Exception {
        long id = AuditExportSystemIT.travelledReport();
        login(browser, "auditeur");
        WebDriverWait wait = openHistory(id);
        assertThat(browser.findElements(By.cssSelector(".auditor-diagram")))
                .as("its lifecycle only: no delivery to this unit")
                .hasSize(1);
        assertThat(browser.findElement(By.id("diagram-0")).getAttribute("data-definition-key"))
                .isEqualTo("ReportLifecycle");
        awaitRendered(wait, "diagram-0");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#diagram-0 svg g.djs-element[data-element-id='Task_Qualify']")));

        assertPassed(
                "diagram-0",
                "Task_Qualify",
                "Task_ValidateQualification",
                "Task_ReviewAnonymisation",
                "Task_RerouteReport",
                "Task_AcknowledgeReport",
                "Flow_ValidationSentBackToQualify",
                "Flow_DeclinedBeforeAcknowledgingToReroute");
        for (String never : List.of("Task_RecordOutcome", "Task_TakeOverReport", "Flow_UnitAcceptedToRecordOutcome")) {
            assertThat(classesOf("diagram-0", never))
                    .as(never + " never passed")
                    .doesNotContain("relais-passed");
        }
        List<String> times = browser.findElements(By.cssSelector("#diagram-0 .relais-step-time")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(times).as("the time spent at each step passed").isNotEmpty().anyMatch(t -> t.startsWith("2× · "));
        WebElement qualify = browser.findElement(By.cssSelector("#diagram-steps-0 tr[data-element='Task_Qualify']"));
        assertThat(qualify.findElements(By.tagName("td")).get(1).getText()).isEqualTo("2");

        String timeline = browser.findElement(By.id("history:timeline")).getText();
        assertThat(timeline)
                .as("script and formulas shown as text")
                .contains("<script>window.__pwned=1</script>", AuditExportSystemIT.FORMULA);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.findElements(By.cssSelector("img[src='x']")))
                .as("no element made from it")
                .isEmpty();

        js.executeScript("document.getElementById('diagram-title').scrollIntoView()");
        BrowserIT.screenshot(browser, "audit-history-diagram");
    }

    /**
     * A report delivered to its unit's own system: the page draws the delivery's diagram after the
     * lifecycle's, with its path and times; and one view of the page is one recorded read.
     */
    @Test
    void theHistoryPageDrawsTheDeliveryTooAndOneViewIsOneRecordedRead() throws Exception {
        long id = AuditExportSystemIT.deliveredReport();
        login(browser, "auditeur");
        long readsBefore = readsOf(id);
        WebDriverWait wait = openHistory(id);
        assertThat(browser.findElements(By.cssSelector(".auditor-diagram")))
                .extracting(e -> e.getAttribute("data-definition-key"))
                .containsExactly("ReportLifecycle", "Delivery");
        awaitRendered(wait, "diagram-0");
        awaitRendered(wait, "diagram-1");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#diagram-1 svg g.djs-element[data-element-id='Task_DeliverToUnit']")));
        assertPassed(
                "diagram-1",
                "StartEvent_DeliveryRequested",
                "Task_DeliverToUnit",
                "EndEvent_Delivered",
                "Flow_RequestedToDeliver",
                "Flow_DeliverToDelivered");
        assertPassed("diagram-0", "Task_AcknowledgeReport");
        assertThat(browser.findElements(By.cssSelector("#diagram-1 .relais-step-time")))
                .as("the time spent at each step of the delivery")
                .isNotEmpty();
        assertThat(browser.findElement(By.id("diagram-title-1")).getText())
                .startsWith("Livraison au système de l'unité");
        assertThat(browser.findElements(By.cssSelector("#diagram-steps-1 tr[data-element='Task_DeliverToUnit']")))
                .hasSize(1);
        js(browser).executeScript("document.getElementById('diagram-title-1').scrollIntoView()");
        BrowserIT.screenshot(browser, "audit-history-delivery-diagram");

        assertThat(readsOf(id) - readsBefore)
                .as("one view of the history page is one recorded read")
                .isEqualTo(1);
        browser.findElement(By.id("history:verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history:verification-result"), "intacte"));
        assertThat(readsOf(id) - readsBefore)
                .as("verifying from the page reads nothing more")
                .isEqualTo(1);
    }

    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }

    @Test
    void theAuditorDownloadsThePdfFromTheHistoryPage() throws Exception {
        long id = new Scenario(server.baseUrl()).forwardedReport();
        Path downloads = Files.createTempDirectory("relais-downloads");
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        login(browser, "auditeur");
        String reference = openHistory(id)
                .until(d -> d.findElement(By.id("history-reference")).getText());
        browser.findElement(By.id("history:export-pdf")).click();
        Path pdf = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".pdf"))
                        .findFirst()
                        .orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertThat(pdf.getFileName().toString()).startsWith("historique-");
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(doc)).contains(reference, "Task_Qualify");
        }
    }

    /** Opens the report's history page (the auditor signed in) and waits for its receipt reference. */
    private static WebDriverWait openHistory(long id) {
        String reference = new Scenario(server.baseUrl())
                .as("operateur")
                .get("/reports/" + id)
                .json()
                .getString("reference");
        browser.get(server.baseUrl() + "/auditor/report.xhtml?id=" + id);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-reference"), reference));
        return wait;
    }

    /** Each element and flow is marked as passed on that diagram. */
    private static void assertPassed(String diagram, String... ids) {
        for (String id : ids) {
            assertThat(classesOf(diagram, id)).as(id + " passed").contains("relais-passed");
        }
    }

    private static String classesOf(String diagram, String elementId) {
        return browser.findElement(
                        By.cssSelector("#" + diagram + " g.djs-element[data-element-id='" + elementId + "']"))
                .getAttribute("class");
    }

    private static void awaitRendered(WebDriverWait wait, String diagram) {
        wait.until(d -> !"loading".equals(d.findElement(By.id(diagram)).getAttribute("data-state")));
        assertThat(browser.findElement(By.id(diagram)).getAttribute("data-state"))
                .as(browser.findElement(By.id(diagram)).getText())
                .isEqualTo("rendered");
    }

    /** The reads of the report's history the auditor's own chain holds (page, API history and diagram). */
    private static long readsOf(long reportId) throws Exception {
        try (java.sql.Connection c = SecurityIT.database();
                java.sql.PreparedStatement count = c.prepareStatement("select count(*) from audit_event"
                        + " where chain_key = 'user:auditeur' and report_id = ?"
                        + " and kind in ('report_history_read', 'report_diagram_read')")) {
            count.setLong(1, reportId);
            try (java.sql.ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
