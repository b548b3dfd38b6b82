package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public portal in the browser: the three doors lead through the orientation tree to a final
 * orientation and its action, with the mouse on a desktop and with the keyboard alone on a phone
 * (390 px wide); no Content-Security-Policy violation; the administrators' orientation screen.
 */
class PortalBrowserIT {
    static final RelaisServer server = TestEnvironment.server();
    static WebDriver desktop;
    static WebDriver phone;

    @BeforeAll
    static void start() throws Exception {
        desktop = BrowserIT.chromium("1280,900");
        desktop.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        phone = BrowserIT.chromium("390,844");
        // each browser on a page of Relais, where the CSP listener runs, whichever test comes first
        desktop.get(server.baseUrl() + "/");
        phone.get(server.baseUrl() + "/");
    }

    @AfterAll
    static void stop() {
        if (desktop != null) {
            desktop.quit();
        }
        if (phone != null) {
            phone.quit();
        }
    }

    @AfterEach
    void noContentSecurityPolicyViolation() {
        BrowserIT.assertNoViolationOn(desktop);
        BrowserIT.assertNoViolationOn(phone);
    }

    static void click(WebDriver browser, String linkText) {
        WebElement link = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//a[contains(@class,'orientation-link') and normalize-space(.)="
                                + xpathLiteral(linkText) + "]")));
        link.click();
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    static void assertEveryCitizenPageHasItsFrame(WebDriver browser) {
        assertThat(browser.getTitle()).isEqualTo("Informations pratiques");
        assertThat(browser.findElement(By.cssSelector(".emergency")).getText())
                .contains("17")
                .contains("112")
                .contains("SMS 114");
        assertThat(browser.findElement(By.id("quick-exit")).getAttribute("href"))
                .startsWith("https://www.meteofrance.com");
        assertThat(browser.findElement(By.id("quick-exit")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("to-chat")).getText()).isEqualTo("Discuter avec un policier");
        assertThat(browser.findElements(By.cssSelector("[onclick], [onload], [onsubmit], [style]")))
                .as("no inline handler nor style")
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector(".fr-header .fr-logo")))
                .as("no Marianne logo")
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector("footer.fr-footer")).isDisplayed())
                .isTrue();
    }

    @Test
    void eachDoorLeadsThroughTheTreeToAFinalOrientationAndItsAction() throws Exception {
        WebDriverWait wait = new WebDriverWait(desktop, Duration.ofSeconds(20));
        desktop.get(server.baseUrl() + "/");
        assertEveryCitizenPageHasItsFrame(desktop);
        assertThat(desktop.findElements(By.cssSelector("a.door-tree")))
                .extracting(WebElement::getText)
                .containsExactly("Je suis victime", "Je signale", "Je m'informe");
        BrowserIT.screenshot(desktop, "portal-home");

        // Je suis victime: a bank card used online -> PERCEVAL, in 4 clicks
        desktop.findElement(By.cssSelector("a.door-tree-VICTIM")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("orientation-question"), "Je suis victime"));
        assertEveryCitizenPageHasItsFrame(desktop);
        click(desktop, "Arnaque, escroquerie");
        click(desktop, "Sur internet");
        BrowserIT.screenshot(desktop, "portal-choices");
        click(desktop, "Des achats avec ma carte bancaire que je n'ai pas faits (j'ai toujours ma carte)");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("orientation-answer")));
        assertThat(desktop.findElement(By.id("orientation-answer")).getAttribute("data-kind"))
                .isEqualTo("procedure");
        assertThat(desktop.findElement(By.id("orientation-title")).getText()).contains("PERCEVAL");
        assertThat(desktop.findElement(By.id("orientation-action")).getAttribute("href"))
                .isEqualTo("https://www.service-public.fr/particuliers/vosdroits/R46526");
        assertThat(desktop.findElement(By.id("orientation-breadcrumb")).getText())
                .contains("Accueil")
                .contains("Je suis victime")
                .contains("Arnaque, escroquerie")
                .contains("Sur internet");
        assertEveryCitizenPageHasItsFrame(desktop);
        BrowserIT.screenshot(desktop, "portal-leaf-procedure");
        desktop.findElement(By.id("orientation-back")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orientation-question"), "Sur internet"));

        // Je signale: drug trafficking -> the written report form of this site
        desktop.get(server.baseUrl() + "/");
        desktop.findElement(By.cssSelector("a.door-tree-REPORT")).click();
        click(desktop, "Un trafic de drogue");
        click(desktop, "Remplir le formulaire de signalement (anonyme si je veux)");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("orientation-action")));
        assertThat(desktop.findElement(By.id("orientation-action")).getAttribute("href"))
                .endsWith("/citoyen/signaler.xhtml");
        desktop.findElement(By.id("orientation-action")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));

        // Je m'informe: how a complaint is filed -> its practical sheet
        desktop.get(server.baseUrl() + "/");
        desktop.findElement(By.cssSelector("a.door-tree-INFORMATION")).click();
        click(desktop, "Porter plainte");
        click(desktop, "Comment ça se passe");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("orientation-action")));
        assertThat(desktop.findElement(By.id("orientation-answer")).getAttribute("data-kind"))
                .isEqualTo("sheet");
        assertThat(desktop.findElement(By.id("orientation-action")).getAttribute("href"))
                .endsWith("/citoyen/fiche.xhtml?id=porter-plainte");
        assertThat(desktop.findElement(By.id("orientation-action")).getText())
                .contains("Porter plainte : comment ça se passe");

        // a chat leaf opens the chat on its topic (the VSS platform's)
        desktop.get(server.baseUrl() + "/citoyen/orientation.xhtml?n=1-2-1-1");
        assertThat(desktop.findElement(By.id("orientation-answer")).getAttribute("data-kind"))
                .isEqualTo("chat");
        assertThat(desktop.findElement(By.id("orientation-action")).getAttribute("href"))
                .endsWith("/citoyen/chat.xhtml?sujet=DOMESTIC_VIOLENCE");
        assertThat(desktop.findElement(By.cssSelector(".emergency")).getText()).contains("3919");
        BrowserIT.screenshot(desktop, "portal-leaf-chat");
    }

    @Test
    void aVisitorReachesAnOrientationWithTheKeyboardAloneOnAPhone() throws Exception {
        WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(20));
        phone.get(server.baseUrl() + "/");
        assertEveryCitizenPageHasItsFrame(phone);
        assertNoHorizontalScroll(phone);
        BrowserIT.screenshot(phone, "portal-phone-home");

        tabTo(phone, "Je suis victime");
        new Actions(phone).sendKeys(Keys.ENTER).perform();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("orientation-question"), "Je suis victime"));
        assertNoHorizontalScroll(phone);
        BrowserIT.screenshot(phone, "portal-phone-door");

        tabTo(phone, "Je suis en danger maintenant");
        new Actions(phone).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("orientation-question"), "Je suis en danger maintenant"));
        tabTo(phone, "Je ne peux pas parler");
        new Actions(phone).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("orientation-action")));
        assertThat(phone.findElement(By.id("orientation-action")).getAttribute("href"))
                .isEqualTo("sms:114");
        assertThat(phone.findElement(By.id("orientation-action")).isDisplayed()).isTrue();
        assertEveryCitizenPageHasItsFrame(phone);
        assertNoHorizontalScroll(phone);
        BrowserIT.screenshot(phone, "portal-phone-leaf");

        // the skip link is the first stop of the keyboard on every page
        phone.get(server.baseUrl() + "/citoyen/orientation.xhtml?n=3");
        new Actions(phone).sendKeys(Keys.TAB).perform();
        assertThat(activeText(phone)).isEqualTo("Aller au contenu");
    }

    @Test
    void anOutdatedAddressSaysSoAndLeadsHome() {
        desktop.get(server.baseUrl() + "/citoyen/orientation.xhtml?n=9-9-9");
        assertThat(desktop.findElement(By.id("orientation-not-found")).getText())
                .contains("Repartez de l'accueil");
        desktop.get(server.baseUrl() + "/citoyen/orientation.xhtml?n=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(desktop.findElements(By.id("orientation-not-found"))).hasSize(1);
        assertThat(desktop.findElements(By.cssSelector("main script"))).isEmpty();
    }

    @Test
    void anAdministratorChecksATreeOnTheOrientationScreen() throws Exception {
        WebDriverWait wait = new WebDriverWait(desktop, Duration.ofSeconds(20));
        BrowserIT.login(desktop, "admin");

        desktop.get(server.baseUrl() + "/admin/orientation.xhtml");
        assertThat(desktop.findElement(By.id("orientation-current")).getText()).contains("orientations finales");
        assertThat(desktop.findElements(By.cssSelector("link[href*='dsfr']")))
                .as("staff screens stay PrimeFaces")
                .isEmpty();
        WebElement json = desktop.findElement(By.id("tree:json"));
        json.clear();
        json.sendKeys(
                "{\"version\":\"essai\",\"label\":\"Accueil\",\"children\":[{\"label\":\"Je suis victime\",\"children\":[]}]}");
        desktop.findElement(By.id("tree:check")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
        List<WebElement> problems = desktop.findElements(By.cssSelector("#problems .orientation-problem"));
        assertThat(problems).extracting(WebElement::getText).anyMatch(p -> p.contains("impasse"));
        assertThat(desktop.findElement(By.id("tree:apply")).isEnabled()).isFalse();

        desktop.findElement(By.id("tree:load-current")).click();
        wait.until(d -> d.findElement(By.id("tree:json")).getAttribute("value").contains("Je suis victime"));
        desktop.findElement(By.id("tree:check")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "valide"));
        assertThat(desktop.findElement(By.id("tree:apply")).isEnabled()).isTrue();
        BrowserIT.screenshot(desktop, "portal-admin-orientation");
        desktop.manage().deleteAllCookies();
    }

    /** Presses Tab until the focused element reads that text (at most 60 times). */
    static void tabTo(WebDriver browser, String text) {
        for (int i = 0; i < 60; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            if (text.equals(activeText(browser))) {
                return;
            }
        }
        throw new AssertionError("the keyboard never reached '" + text + "'");
    }

    static String activeText(WebDriver browser) {
        Object text = ((JavascriptExecutor) browser)
                .executeScript("return document.activeElement ? document.activeElement.textContent.trim() : null");
        return text == null ? null : text.toString();
    }

    static void assertNoHorizontalScroll(WebDriver browser) {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(0);
    }
}
