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
        String reference = new Scenario(server.baseUrl())
                .as("operateur")
                .get("/reports/" + id)
                .json()
                .getString("reference");
        login(browser, "auditeur");
        browser.get(server.baseUrl() + "/auditor/report.xhtml?id=" + id);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-reference"), reference));
        wait.until(d -> !"loading".equals(d.findElement(By.id("diagram")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("diagram")).getAttribute("data-state"))
                .as(browser.findElement(By.id("diagram")).getText())
                .isEqualTo("rendered");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#diagram svg g.djs-element[data-element-id='Task_Qualify']")));

        for (String passed : List.of(
                "Task_Qualify",
                "Task_ValidateQualification",
                "Task_ReviewAnonymisation",
                "Task_RerouteReport",
                "Task_AcknowledgeReport",
                "Flow_ValidationSentBackToQualify",
                "Flow_DeclinedBeforeAcknowledgingToReroute")) {
            assertThat(classesOf(passed)).as(passed + " passed").contains("relais-passed");
        }
        for (String never : List.of("Task_RecordOutcome", "Task_TakeOverReport", "Flow_UnitAcceptedToRecordOutcome")) {
            assertThat(classesOf(never)).as(never + " never passed").doesNotContain("relais-passed");
        }
        List<String> times = browser.findElements(By.cssSelector("#diagram .relais-step-time")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(times).as("the time spent at each step passed").isNotEmpty().anyMatch(t -> t.startsWith("2× · "));
        WebElement qualify = browser.findElement(By.cssSelector("#diagram-steps tr[data-element='Task_Qualify']"));
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

    @Test
    void theAuditorDownloadsThePdfFromTheHistoryPage() throws Exception {
        long id = new Scenario(server.baseUrl()).forwardedReport();
        String reference = new Scenario(server.baseUrl())
                .as("operateur")
                .get("/reports/" + id)
                .json()
                .getString("reference");
        Path downloads = Files.createTempDirectory("relais-downloads");
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        login(browser, "auditeur");
        browser.get(server.baseUrl() + "/auditor/report.xhtml?id=" + id);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-reference"), reference));
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

    private static String classesOf(String elementId) {
        return browser.findElement(By.cssSelector("#diagram g.djs-element[data-element-id='" + elementId + "']"))
                .getAttribute("class");
    }
}
