package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's way in and its node pages in a real browser: sign-in, a real agent's node in the list, and its node
 * page's charts updating live through websocket push within two seconds of a sample being taken.
 */
class ConsoleNodesIT extends ConsoleBrowserSupport {

    private static final Duration LIVE_WITHIN = Duration.ofSeconds(2);

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
        String hostname = "console-" + run();
        try (AgentProcess agent = startAgent(hostname)) {
            signInAt("/");

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
}
