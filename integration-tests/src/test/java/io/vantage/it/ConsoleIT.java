package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: sign-in, a real agent's node in the list, and its node page's charts updating live
 * through websocket push within two seconds of a sample being taken.
 */
class ConsoleIT {

    private static final Duration LIVE_WITHIN = Duration.ofSeconds(2);

    private static RunningVantage vantage;
    private static VantageApi api;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startVantage() {
        vantage = RunningVantage.get();
        api = VantageApi.withPassword(vantage.baseUrl(), "admin", RunningVantage.ADMIN_PASSWORD);
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_wrong_password_keeps_the_login_page_with_a_message() {
        browser.get(vantage.baseUrl() + "/");
        signIn("admin", "not-the-password");
        WebElement messages = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages")));
        assertTrue(messages.getText().contains("Wrong username or password"), messages.getText());
        assertTrue(browser.getCurrentUrl().contains("login.xhtml"), browser.getCurrentUrl());
    }

    @Test
    void a_real_agents_node_is_listed_and_its_charts_update_live_within_two_seconds() throws Exception {
        String hostname = "console-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject registered = api.post("/agents", "{\"name\":\"" + hostname + "\"}").json().asJsonObject();
        Path log = Path.of(System.getProperty("vantage.it.dir", "target/it"), "agent-" + hostname + ".log");
        try (AgentProcess agent = AgentProcess.start(registered.getString("agentId"), registered.getString("key"),
                hostname, RunningVantage.AGENT_PORT, 1, log)) {
            browser.get(vantage.baseUrl() + "/");
            signIn("admin", RunningVantage.ADMIN_PASSWORD);
            wait.until(ExpectedConditions.textToBe(By.id("signed-in-user"), "admin"));

            By nodeLink = By.xpath("//a[contains(@class,'node-link') and normalize-space(.)='" + hostname + "']");
            WebElement link = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100))
                    .until(driver -> {
                        List<WebElement> found = driver.findElements(nodeLink);
                        if (found.isEmpty()) {
                            driver.navigate().refresh();
                            return null;
                        }
                        return found.get(0);
                    });
            link.click();

            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "open"));
            WebElement cpuChart = browser.findElement(By.id("chart-cpu"));
            assertEquals(hostname, browser.findElement(By.id("node-name")).getText());

            List<Long> delays = new ArrayList<>();
            String seen = cpuChart.getAttribute("data-last-timestamp");
            for (int update = 0; update < 3; update++) {
                String before = seen;
                seen = wait.until(driver -> {
                    String now = driver.findElement(By.id("chart-cpu")).getAttribute("data-last-timestamp");
                    return now != null && !now.isEmpty() && !now.equals(before) ? now : null;
                });
                delays.add(System.currentTimeMillis() - Long.parseLong(seen));
            }
            Collections.sort(delays);
            System.out.println("VANTAGE-IT: sample-to-chart delays in ms: " + delays);
            assertTrue(delays.get(1) <= LIVE_WITHIN.toMillis(),
                    "median time from sample to chart " + delays.get(1) + " ms (all: " + delays + ")");
            assertTrue(Integer.parseInt(cpuChart.getAttribute("data-points")) > 0);
            assertTrue(agent.isAlive());
        }
    }

    private void signIn(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username"))).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:signIn")).click();
    }
}
