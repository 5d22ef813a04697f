package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Monitors and alerts in the console, in a real browser: monitors created by query in the console's form, refused
 * with the parser's message, deleted only once confirmed; alerts appearing and changing on the alerts and node pages
 * as they happen, without a reload; acknowledging one and reading its history and notifications. Values that must
 * breach come in as Graphite lines, so each is exactly the one the test needs.
 */
class ConsoleMonitorsAndAlertsIT extends ConsoleBrowserSupport {

    @Test
    void a_monitor_created_by_query_in_the_console_is_listed_with_the_nodes_the_applier_found() throws Exception {
        String run = run();
        String host = "console-monitor-" + run;
        taggedNode(host, run, Instant.now());

        openSignedIn("/monitors.xhtml");
        type("monitorForm:name", "busy-" + run);
        type("monitorForm:query", "tag:run-" + run + " AND name:console-*");
        browser.findElement(By.id("monitorForm:preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("previewNodes"), host));
        assertEquals("Selects 1 node:", browser.findElement(By.id("previewSummary")).getText());
        type("monitorForm:metric", "cpu.busy");
        type("monitorForm:warning", "80");
        type("monitorForm:critical", "90");
        type("monitorForm:criticalClear", "85");
        browser.findElement(By.id("monitorForm:create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitorForm:messages"), "created"));

        By row = monitorRow("busy-" + run);
        assertEquals("critical above 90, clears at 85 or below; warning above 80",
                browser.findElement(row).findElement(By.className("monitor-rule")).getText());
        // the applier resolves the query a moment after the monitor is saved; the list shows its answer when drawn
        String nodes = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(250)).until(driver -> {
            String count = driver.findElement(row).findElement(By.className("monitor-nodes")).getText();
            if ("0".equals(count)) {
                driver.navigate().refresh();
                return null;
            }
            return count;
        });
        assertEquals("1", nodes);
        assertTrue(api.get("/monitors").json().asJsonArray().stream()
                .anyMatch(m -> ("busy-" + run).equals(m.asJsonObject().getString("name"))));
    }

    @Test
    void a_bad_query_shows_the_parsers_message_with_its_column_and_creates_no_monitor() {
        String run = run();
        openSignedIn("/monitors.xhtml");
        type("monitorForm:name", "bad-" + run);
        type("monitorForm:query", "tag:web AND (os:linux");
        browser.findElement(By.id("monitorForm:preview")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queryError")));
        assertTrue(error.getText().contains("column"), error.getText());
        assertTrue(browser.findElement(By.className("query-caret")).getText().endsWith("^"));

        type("monitorForm:metric", "cpu.busy");
        type("monitorForm:critical", "90");
        browser.findElement(By.id("monitorForm:create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitorForm:messages"), "column"));
        assertTrue(browser.findElement(By.id("monitorForm:messages")).getText().contains("nodeQuery"));
        assertEquals("bad-" + run, browser.findElement(By.id("monitorForm:name")).getAttribute("value"),
                "the form keeps what was typed");
        assertTrue(browser.findElements(By.xpath("//span[@class='monitor-name' and .='bad-" + run + "']"))
                .isEmpty());
        assertTrue(api.get("/monitors").json().asJsonArray().stream()
                .noneMatch(m -> ("bad-" + run).equals(m.asJsonObject().getString("name"))));
    }

    @Test
    void a_monitor_is_deleted_only_after_confirming_and_then_leaves_the_list() {
        String run = run();
        long monitor = monitorOnTag(run, null, false);
        openSignedIn("/monitors.xhtml");
        By row = monitorRow("busy-" + run);
        browser.findElement(row).findElement(By.className("delete-monitor")).click();
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".ui-confirm-dialog")));
        assertTrue(confirm.getText().contains("busy-" + run), confirm.getText());
        browser.findElement(By.id("monitorsForm:confirmNo")).click();
        wait.until(ExpectedConditions.invisibilityOf(confirm));
        assertEquals(200, api.get("/monitors/" + monitor).status(), "keeping it changes nothing");

        browser.findElement(row).findElement(By.className("delete-monitor")).click();
        wait.until(ExpectedConditions.visibilityOf(confirm));
        browser.findElement(By.id("monitorsForm:confirmYes")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
        assertEquals(404, api.get("/monitors/" + monitor).status());
    }

    @Test
    void an_alert_appears_and_changes_on_the_alerts_and_node_pages_without_a_reload() throws Exception {
        String run = run();
        String host = "console-alert-" + run;
        Instant start = Instant.now().minusSeconds(30);
        taggedNode(host, run, start);
        monitorOnTag(run, null, true);

        openSignedIn("/alerts.xhtml");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-alerts", "open"));
        markPage();
        long sent = System.currentTimeMillis();
        GraphiteLines.send(host, "cpu.busy", 95, start.plusSeconds(10));
        By alertRow = alertRow(host);
        wait.until(driver -> severityIn(driver.findElements(alertRow), "CRITICAL"));
        System.out.println("VANTAGE-IT: breaching line to alert on the alerts page in ms: "
                + (System.currentTimeMillis() - sent));
        assertTrue(pageNotReloaded(), "the alerts page was redrawn in place");
        String since = browser.findElement(alertRow).findElement(By.className("alert-since")).getText();
        assertFalse(since.endsWith("UTC"), "a redrawn time is shown in the browser's zone, got " + since);
        // cpu.* values are percentages wherever the console shows them
        assertEquals("95.0 %", browser.findElement(alertRow).findElement(By.className("alert-value")).getText());

        browser.findElement(alertRow).findElement(By.className("alert-node")).click();
        wait.until(ExpectedConditions.textToBe(By.id("node-name"), host));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-alerts", "open"));
        By nodeAlert = By.cssSelector("#nodeAlertsForm\\:nodeAlerts tr.alert-row");
        assertTrue(severityIn(browser.findElements(nodeAlert), "CRITICAL"), "the node page lists the problem");
        markPage();
        GraphiteLines.send(host, "cpu.busy", 40, start.plusSeconds(20));
        wait.until(driver -> severityIn(driver.findElements(nodeAlert), "OK"));
        assertTrue(pageNotReloaded(), "the node page was redrawn in place");
    }

    @Test
    void an_acknowledged_problem_shows_who_took_it_and_its_page_lists_history_and_notifications() throws Exception {
        String run = run();
        String host = "console-ack-" + run;
        Instant start = Instant.now().minusSeconds(30);
        taggedNode(host, run, start);
        try (WebhookReceiver webhook = WebhookReceiver.start()) {
            long channel = api.post("/channels", "{\"name\":\"hook-" + run + "\",\"kind\":\"WEBHOOK\","
                    + "\"target\":\"" + webhook.url() + "\"}").createdId();
            long plan = api.post("/plans", "{\"name\":\"plan-" + run + "\",\"routes\":{\"CRITICAL\":["
                    + channel + "]}}").createdId();
            long monitor = monitorOnTag(run, plan, true);
            GraphiteLines.send(host, "cpu.busy", 95, start.plusSeconds(10));
            long alertId = Waits.until(Duration.ofSeconds(30), () -> api.get("/alerts?monitor=" + monitor
                            + "&severity=CRITICAL").json().asJsonArray().stream().findFirst()
                            .map(a -> a.asJsonObject().getJsonNumber("id").longValue()))
                    .orElseThrow(() -> new AssertionError("no critical alert for monitor " + monitor));

            openSignedIn("/alerts.xhtml");
            By alertRow = alertRow(host);
            wait.until(ExpectedConditions.visibilityOfElementLocated(alertRow)).findElement(By.className("acknowledge"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ackTitle"), host));
            browser.findElement(By.id("ackForm:note")).sendKeys("on it, " + run);
            browser.findElement(By.id("ackForm:confirmAcknowledge")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("ackDialog")));
            wait.until(driver -> "admin".equals(driver.findElement(alertRow)
                    .findElement(By.className("alert-acknowledged-by")).getText()));
            // an acknowledged problem cannot be acknowledged again (looked up afresh: pushes redraw the row)
            wait.until(driver -> driver.findElement(alertRow).findElements(By.className("acknowledge")).isEmpty());

            // the notices are delivered by the notification worker; the alert page shows them once they are
            assertTrue(Waits.until(Duration.ofSeconds(30), () -> api.get("/alerts/" + alertId).json().asJsonObject()
                    .getJsonArray("notifications").stream().map(JsonObject.class::cast)
                    .filter(n -> "DELIVERED".equals(n.getString("status"))).count() == 2
                    ? Optional.of(true) : Optional.empty()).isPresent(), "problem and acknowledgement delivered");
            wait.until(driver -> {
                driver.findElement(alertRow).findElement(By.className("alert-details")).click();
                return true;
            });
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-acknowledged-by"),
                    "admin: on it, " + run));
            List<String> history = texts(By.cssSelector("tr.history-row"));
            assertEquals(2, history.size(), history.toString());
            assertTrue(history.get(0).contains("OK → CRITICAL") && history.get(0).contains("threshold"),
                    history.toString());
            assertTrue(history.get(1).contains("acknowledged") && history.get(1).contains("on it, " + run),
                    history.toString());
            List<String> notices = texts(By.cssSelector("tr.notification-row"));
            assertTrue(notices.stream().anyMatch(n -> n.contains("PROBLEM") && n.contains("hook-" + run)
                    && n.contains("DELIVERED")), notices.toString());
            assertTrue(notices.stream().anyMatch(n -> n.contains("ACKNOWLEDGED") && n.contains("DELIVERED")),
                    notices.toString());
        }
    }

    private static By monitorRow(String name) {
        return By.xpath("//tr[contains(@class,'monitor-row')][.//span[@class='monitor-name' and .='" + name + "']]");
    }

    private static By alertRow(String host) {
        return By.xpath("//tr[contains(@class,'alert-row')][.//a[contains(@class,'alert-node') and .='" + host
                + "']]");
    }

    /** Whether one of the rows shows the severity: the check runs on what the browser shows now. */
    private static boolean severityIn(List<WebElement> rows, String severity) {
        return rows.stream().anyMatch(row -> severity.equals(row.findElement(By.className("severity")).getText()));
    }

    /** A monitor through the API on the nodes tagged for the run: critical above 90; applied before it returns. */
    private static long monitorOnTag(String run, Long planId, boolean awaitApplied) {
        long monitor = api.post("/monitors", "{\"name\":\"busy-" + run + "\",\"nodeQuery\":\"tag:run-" + run
                + "\",\"metric\":\"cpu.busy\",\"rule\":{\"direction\":\"ABOVE\",\"critical\":90},\"planId\":"
                + planId + "}").createdId();
        assertTrue(!awaitApplied || Waits.until(Duration.ofSeconds(30), () -> {
            JsonArray targets = api.get("/monitors/" + monitor + "/nodes").json().asJsonArray();
            return targets.isEmpty() ? Optional.empty() : Optional.of(true);
        }).isPresent(), "the monitor applies to the run's node");
        return monitor;
    }

    /** A node made by its first Graphite line (cpu.busy 10), as collectd would create it, tagged for the run. */
    private static void taggedNode(String host, String run, Instant firstSample) throws IOException {
        GraphiteLines.send(host, "cpu.busy", 10, firstSample);
        long nodeId = api.awaitNode(host, Duration.ofSeconds(30));
        assertEquals(200, api.put("/nodes/" + nodeId, "{\"tags\":[\"run-" + run + "\"]}").status());
    }
}
