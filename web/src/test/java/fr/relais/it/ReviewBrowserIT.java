package fr.relais.it;

import static fr.relais.it.BrowserIT.login;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review screen entity by entity, in Chromium against the shared server: the engine's entities
 * highlighted by type (colour and a text label) in the original and the outgoing text, a piece the engine
 * missed masked by selecting it, one entity released with a reason (refused without), the report
 * forwarded, and the unit's page showing what was decided.
 */
class ReviewBrowserIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    private static final SecureRandom RANDOM = new SecureRandom();
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = BrowserIT.chromium("1280,900");
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void screenshot(String name) throws Exception {
        Path dir = TestEnvironment.buildDir().resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static String nickname() {
        StringBuilder b = new StringBuilder("zazou");
        for (int i = 0; i < 6; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.toString();
    }

    private static WebElement mark(String container, String type) {
        return browser
                .findElements(By.cssSelector("[id='review:" + container + "'] mark[data-type='" + type + "']"))
                .stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " highlighted in " + container));
    }

    private static String outgoing() {
        return browser.findElement(By.id("review:outgoing")).getAttribute("value");
    }

    @Test
    void anOperatorMasksASelectionReleasesAPhoneWithAReasonAndTheUnitReadsWhatWasDecided() throws Exception {
        String nickname = nickname();
        // words of its own: BrowserIT reads the same unit's inbox and must not find this report's released phone
        String phone = "07 61 42 83 95";
        long id = scenario.reportInReview("Sophie Lemaire est suivie par son ancien compagnon. Elle est joignable au "
                + phone
                + ". Dans le quartier on l'appelle « " + nickname + " ».");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        login(browser, "operateur");
        browser.get(server.baseUrl() + "/qualification/review.xhtml?id=" + id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review:outgoing")));

        // highlighted by type, with a text label, in the original and in the outgoing text
        WebElement name = mark("original", "PERSON_NAME");
        assertThat(name.getText()).contains("Sophie Lemaire");
        assertThat(name.findElement(By.cssSelector(".review-entity-label")).getText())
                .isEqualTo("NOM");
        WebElement tel = mark("original", "PHONE");
        assertThat(tel.getText()).contains(phone);
        assertThat(tel.findElement(By.cssSelector(".review-entity-label")).getText())
                .isEqualTo("TÉLÉPHONE");
        assertThat(name.getCssValue("background-color"))
                .as("a colour per type")
                .isNotEqualTo(tel.getCssValue("background-color"));
        assertThat(mark("outgoingPreview", "PERSON_NAME").getText()).contains("[NOM 1]");
        assertThat(mark("outgoingPreview", "PHONE").getText()).contains("[TÉLÉPHONE 1]");
        assertThat(outgoing()).doesNotContain("Lemaire").doesNotContain(phone).contains(nickname);
        screenshot("review-entities");

        // the engine missed the nickname: selected in the outgoing text and masked as a name
        String text = outgoing();
        int at = text.indexOf(nickname);
        ((JavascriptExecutor) browser)
                .executeScript(
                        "const a = document.getElementById('review:outgoing'); a.focus();"
                                + " a.setSelectionRange(arguments[0], arguments[1]);",
                        at,
                        at + nickname.length());
        new Select(browser.findElement(By.id("review:selectionType"))).selectByValue("PERSON_NAME");
        browser.findElement(By.id("review:mask")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Sélection masquée"));
        assertThat(outgoing()).doesNotContain(nickname).contains("[NOM 2]");
        assertThat(browser.findElement(By.id("review:outgoingPreview")).getText())
                .doesNotContain(nickname)
                .contains("[NOM 2]");

        // releasing the phone: refused without a reason, done with one
        By releasePhone = By.xpath("//tr[@data-type='PHONE']//button[contains(@class,'review-release')]");
        browser.findElement(releasePhone).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "motif est obligatoire"));
        assertThat(outgoing()).doesNotContain(phone);
        browser.findElement(By.id("review:entityReason"))
                .sendKeys("Numéro du commissariat voisin, pas celui de l'internaute");
        browser.findElement(releasePhone).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Élément libéré"));
        assertThat(outgoing()).contains(phone).doesNotContain("[TÉLÉPHONE 1]");
        WebElement released = mark("outgoingPreview", "PHONE");
        assertThat(released.getText()).contains(phone);
        assertThat(released.findElement(By.cssSelector(".review-entity-label")).getAttribute("textContent"))
                .isEqualTo("TÉLÉPHONE · libéré");
        assertThat(browser.findElement(By.cssSelector("tr[data-type='PHONE']")).getAttribute("data-state"))
                .isEqualTo("RELEASED");
        screenshot("review-released");
        BrowserIT.assertNoViolationOn(browser);

        browser.findElement(By.id("review:approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "transmis"));
        scenario.awaitStatus(id, "FORWARDED");

        // the unit reads what was decided: names masked (the engine's and the operator's), the phone released
        login(browser, "agent-guyancourt");
        browser.get(server.baseUrl() + "/unit/report.xhtml?id=" + id);
        String narrative = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("narrative")))
                .getText();
        assertThat(narrative)
                .contains("[NOM 1]", "[NOM 2]", phone, "ancien compagnon")
                .doesNotContain("Lemaire")
                .doesNotContain(nickname);
        screenshot("review-unit");
        BrowserIT.assertNoViolationOn(browser);

        // recorded: the type and the reason in clear, the value sealed
        List<JsonObject> timeline = scenario.as("auditeur")
                .get("/reports/" + id + "/history")
                .json()
                .getJsonArray("timeline")
                .getValuesAs(JsonObject.class);
        assertThat(timeline).anySatisfy(i -> {
            assertThat(i.getString("kind")).isEqualTo("redaction_released");
            JsonObject details = i.getJsonObject("details");
            assertThat(details.getString("type")).isEqualTo("PHONE");
            assertThat(details.getString("reason")).startsWith("Numéro du commissariat");
            assertThat(details.getJsonObject("personal").getString("state")).isEqualTo("open");
        });
        assertThat(timeline).anySatisfy(i -> assertThat(i.getString("kind")).isEqualTo("redaction_added"));
    }
}
