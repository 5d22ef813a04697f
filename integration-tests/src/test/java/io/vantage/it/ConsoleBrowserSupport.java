package io.vantage.it;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the console tests share: the running server with an administrator's API client, a fresh headless browser for
 * each test with a wait that polls every 50 ms, and the moves a user makes on any page (signing in, typing, reading
 * rows), plus a mark that tells whether a page was redrawn in place or reloaded.
 */
abstract class ConsoleBrowserSupport {

    static RunningVantage vantage;
    static VantageApi api;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void startVantage() {
        vantage = RunningVantage.get();
        api = VantageApi.withPassword(vantage.baseUrl(), "admin", RunningVantage.ADMIN_PASSWORD);
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50));
        // the console redraws tables when the server pushes: an element found a moment ago may be gone, look again
        wait.ignoring(StaleElementReferenceException.class);
        // a pushed redraw replaces table rows while a condition reads them: read again on the next poll
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A short name for one test's run, used in its hosts, tags and monitors. */
    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A real agent, registered through the API, reporting this machine as {@code hostname} every second. */
    static AgentProcess startAgent(String hostname) {
        JsonObject registered = api.post("/agents", "{\"name\":\"" + hostname + "\"}").json().asJsonObject();
        Path log = Path.of(System.getProperty("vantage.it.dir", "target/it"), "agent-" + hostname + ".log");
        return AgentProcess.start(registered.getString("agentId"), registered.getString("key"), hostname,
                RunningVantage.AGENT_PORT, 1, log);
    }

    /** Opens {@code page}, which asks to sign in first, and signs in as the administrator. */
    void signInAt(String page) {
        browser.get(vantage.baseUrl() + page);
        signIn("admin", RunningVantage.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.id("signed-in-user"), "admin"));
    }

    /** {@code page}, signed in as the administrator. */
    void openSignedIn(String page) {
        signInAt(page);
        browser.get(vantage.baseUrl() + page);
    }

    void signIn(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username"))).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:signIn")).click();
    }

    void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    List<String> texts(By rows) {
        // read again if a push redraws the rows while they are read
        return wait.until(driver -> driver.findElements(rows).stream().map(WebElement::getText).toList());
    }

    /** Leaves a mark in the page's window that a reload would wipe out. */
    void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.vantageStillTheSamePage = true;");
    }

    boolean pageNotReloaded() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript("return window.vantageStillTheSamePage === true;"));
    }
}
