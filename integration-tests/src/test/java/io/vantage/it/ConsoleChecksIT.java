package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The node page's Checks panel in a real browser: a real agent's plugin listed with its status and text, then a new
 * status text the agent sends written into the row as it is pushed, without a reload.
 */
class ConsoleChecksIT extends ConsoleBrowserSupport {

    @Test
    void the_node_page_shows_the_agents_checks_and_writes_a_new_status_text_into_its_row_without_a_reload()
            throws Exception {
        String hostname = "console-checks-" + run();
        Path dir = CheckPlugins.workDir(hostname);
        Path checks = Files.createDirectories(dir.resolve("checks.d"));
        CheckPlugins.check(checks, "web", CheckPlugins.plugin(dir, "web", "HTTP OK: HTTP/1.1 200 OK - 512 bytes", 0));
        JsonObject registered = api.post("/agents", "{\"name\":\"" + hostname + "\"}").json().asJsonObject();
        Path log = Path.of(System.getProperty("vantage.it.dir", "target/it"), "agent-" + hostname + ".log");
        try (AgentProcess agent = AgentProcess.start(registered.getString("agentId"), registered.getString("key"),
                hostname, RunningVantage.AGENT_PORT, 1, log, "--checks-dir", checks.toString())) {
            long nodeId = api.awaitNode(hostname, Duration.ofSeconds(60));
            Waits.until(Duration.ofSeconds(30), () -> api.get("/nodes/" + nodeId + "/checks").json().asJsonArray()
                    .isEmpty() ? Optional.empty() : Optional.of(true))
                    .orElseThrow(() -> new AssertionError("the check's result was never stored"));
            openSignedIn("/node.xhtml?id=" + nodeId);
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "open"));

            wait.until(ExpectedConditions.textToBe(By.cssSelector(".check-status[data-check='web']"), "OK"));
            assertEquals("HTTP OK: HTTP/1.1 200 OK - 512 bytes",
                    browser.findElement(By.cssSelector(".check-text[data-check='web']")).getText());
            assertTrue(browser.findElement(By.cssSelector(".check-age[data-check='web']")).getText().endsWith(" ago"));

            markPage();
            CheckPlugins.plugin(dir, "web", "HTTP CRITICAL - Connection refused", 2);
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".check-text[data-check='web']"),
                    "HTTP CRITICAL - Connection refused"));
            WebElement status = browser.findElement(By.cssSelector(".check-status[data-check='web']"));
            assertEquals("CRITICAL", status.getText());
            assertTrue(status.getAttribute("class").contains("severity-critical"), status.getAttribute("class"));
            assertTrue(pageNotReloaded(), "the pushed result was written into its row without a reload");
            assertTrue(agent.isAlive());
        }
    }
}
