package fr.relais.it;

import static fr.relais.it.BrowserIT.login;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Appointment booking in the system's headless Chromium: a citizen books through the public page (a bad
 * contact first, refused with its message), the booked slot shows on the unit's screen with the
 * contact, then the citizen cancels with the code on the follow-up page and the slot is free again.
 * No Content-Security-Policy violation on any page. Uses the demo unit CSP-VERSAILLES and its agent.
 */
class BookingBrowserIT {
    static final String UNIT = "CSP-VERSAILLES";
    static RelaisServer server;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        server = TestEnvironment.server();
        browser = BrowserIT.chromium("1280,900");
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
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
    void aCitizenBooksTheUnitSeesItAndTheCitizenCancelsIt() throws Exception {
        var pattern = Api.as(server.baseUrl(), "agent-versailles")
                .put(
                        "/units/" + UNIT + "/appointment-pattern",
                        "{\"weekly\":[" + day("MONDAY") + "," + day("TUESDAY") + "," + day("WEDNESDAY") + ","
                                + day("THURSDAY") + "," + day("FRIDAY") + "],\"exceptions\":[]}");
        assertThat(pattern.status()).as(pattern.body()).isEqualTo(200);
        String contact = "navigateur." + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";

        // the page reached from the nearby units' link, with the unit given
        browser.get(server.baseUrl() + "/citoyen/rendez-vous.xhtml?unite=" + UNIT);
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("appt-unit-name")))
                        .getText())
                .contains("Versailles");
        Select slots = new Select(browser.findElement(By.id("booking-form:slot")));
        assertThat(slots.getOptions()).hasSizeGreaterThan(1);
        slots.selectByIndex(slots.getOptions().size() - 1);
        String start = slots.getFirstSelectedOption().getAttribute("value");
        String when = slots.getFirstSelectedOption().getText();
        browser.findElement(By.cssSelector("label[for='booking-form:kind:0']")).click();
        new Select(browser.findElement(By.id("booking-form:category"))).selectByValue("THEFT");
        browser.findElement(By.id("booking-form:contact")).sendKeys("pas-un-mail@");
        browser.findElement(By.id("booking-form:book")).click();

        // refused, with the message next to the field; what was chosen is kept
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("booking-form:contact-error")))
                        .getText())
                .isEqualTo("Adresse électronique invalide.");
        assertThat(browser.findElement(By.id("appt-error")).getText()).contains("Adresse électronique invalide.");
        assertThat(new Select(browser.findElement(By.id("booking-form:slot")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(start);
        BrowserIT.screenshot(browser, "booking-bad-contact");
        browser.findElement(By.id("booking-form:contact")).clear();
        browser.findElement(By.id("booking-form:contact")).sendKeys(contact);
        browser.findElement(By.id("booking-form:book")).click();

        String code = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("appt-code")))
                .getText();
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{10}");
        assertThat(browser.findElement(By.id("appt-booked")).getText()).contains(when);
        BrowserIT.screenshot(browser, "booking-booked");
        assertThat(freeSlots()).doesNotContain(start);

        // the unit's screen, from its inbox
        login(browser, "agent-versailles");
        browser.get(server.baseUrl() + "/unit/inbox.xhtml");
        browser.findElement(By.id("appointments-link")).click();
        String row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bookings:list")))
                .getText();
        assertThat(row).contains(contact, "Déposer plainte", "Vol", "Réservé");
        BrowserIT.screenshot(browser, "booking-unit-screen");

        // the citizen cancels with the code
        browser.get(server.baseUrl() + "/citoyen/rendez-vous-suivi.xhtml");
        browser.findElement(By.id("code-form:code")).sendKeys(code.toLowerCase());
        browser.findElement(By.id("code-form:look-up")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("booking-status")))
                        .getText())
                .isEqualTo("Réservé");
        assertThat(browser.findElement(By.id("booking-when")).getText()).isEqualTo(when);
        browser.findElement(By.id("actions:cancel")).click();
        wait.until(ExpectedConditions.textToBe(By.id("booking-status"), "Annulé"));
        assertThat(browser.findElement(By.id("followup-done")).getText()).contains("annulé");
        assertThat(browser.findElements(By.id("actions:cancel"))).isEmpty();
        BrowserIT.screenshot(browser, "booking-cancelled");
        assertThat(freeSlots()).contains(start);

        // and the unit sees it cancelled
        browser.get(server.baseUrl() + "/unit/appointments.xhtml");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bookings:list")))
                        .getText())
                .contains(contact, "Annulé");
    }

    @Test
    void anUnknownCodeIsToldPlainly() {
        browser.get(server.baseUrl() + "/citoyen/rendez-vous-suivi.xhtml");
        browser.findElement(By.id("code-form:code")).sendKeys("<script>alert(1)</script>");
        browser.findElement(By.id("code-form:look-up")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("followup-error")))
                        .getText())
                .contains("Aucun rendez-vous ne correspond à ce code.");
        assertThat(browser.findElements(By.id("booking-details"))).isEmpty();
    }

    static String day(String day) {
        return "{\"day\":\"" + day + "\",\"from\":\"14:00\",\"to\":\"16:00\",\"slotMinutes\":60,\"desks\":1}";
    }

    static java.util.List<String> freeSlots() {
        var reply = Api.anonymous(server.baseUrl()).get("/appointments/slots?unit=" + UNIT);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.array().getValuesAs(jakarta.json.JsonObject.class).stream()
                .map(s -> s.getString("start"))
                .toList();
    }
}
