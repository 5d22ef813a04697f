package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The node page's live Processes panel in a real browser: a real agent's processes listed in the order the user
 * picks, then redrawn in place as the server pushes newer listings while the panel is open.
 */
class ConsoleProcessesIT extends ConsoleBrowserSupport {

    @Test
    void the_node_page_lists_the_agents_processes_and_refreshes_them_while_open() throws Exception {
        String hostname = "console-top-" + run();
        try (AgentProcess agent = startAgent(hostname)) {
            long nodeId = api.awaitNode(hostname, Duration.ofSeconds(60));
            signInAt("/");
            browser.get(vantage.baseUrl() + "/node.xhtml?id=" + nodeId);
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-processes", "open"));

            // by CPU first; the agent's JVM is surely among the largest hundred by memory, not the busiest
            By listed = By.cssSelector(".processes .process-row");
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(listed, 0));
            assertEquals("cpu", processesPanel().getAttribute("data-sort"));
            browser.findElement(By.xpath("//*[contains(@class,'processes-sort')]//*[contains(@class,'ui-button')"
                    + " and normalize-space(.)='Memory']")).click();
            wait.until(driver -> "memory".equals(processesPanel().getAttribute("data-sort")));
            String command = wait.until(driver -> driver.findElements(By.className("process-command")).stream()
                    .map(cell -> cell.getAttribute("textContent"))
                    .filter(text -> text.contains("vantage-agent")).findFirst().orElse(null));
            assertTrue(command.contains("vantage-agent"), command);
            assertFalse(browser.findElement(By.id("processes-taken-at")).getText().isBlank());

            markPage();
            String first = processesPanel().getAttribute("data-taken-at");
            assertFalse("0".equals(first), "a listing is shown");
            String later = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(100)).ignoring(
                    StaleElementReferenceException.class).until(driver -> {
                        String now = processesPanel().getAttribute("data-taken-at");
                        return now != null && !now.equals(first) && !"0".equals(now) ? now : null;
                    });
            assertTrue(Long.parseLong(later) > Long.parseLong(first), first + " then " + later);
            assertTrue(pageNotReloaded(), "the listing was redrawn without a reload");
            assertTrue(agent.isAlive());
        }
    }

    private WebElement processesPanel() {
        return browser.findElement(By.cssSelector(".processes[data-node-id]"));
    }
}
