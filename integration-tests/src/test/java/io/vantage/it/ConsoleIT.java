package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: sign-in, a real agent's node in the list, and its node page's charts updating live
 * through websocket push within two seconds of a sample being taken; monitors created by query in the console's
 * form; alerts appearing and changing on the alerts and node pages as they happen, without a reload; acknowledging
 * one and reading its history and notifications. Values that must breach come in as Graphite lines, so each is
 * exactly the one the test needs.
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
        // a pushed redraw replaces table rows while a condition reads them: read again on the next poll
        wait.ignoring(StaleElementReferenceException.class);
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

    @Test
    void the_node_page_lists_the_agents_processes_and_refreshes_them_while_open() throws Exception {
        String hostname = "console-top-" + run();
        JsonObject registered = api.post("/agents", "{\"name\":\"" + hostname + "\"}").json().asJsonObject();
        Path log = Path.of(System.getProperty("vantage.it.dir", "target/it"), "agent-" + hostname + ".log");
        try (AgentProcess agent = AgentProcess.start(registered.getString("agentId"), registered.getString("key"),
                hostname, RunningVantage.AGENT_PORT, 1, log)) {
            long nodeId = Waits.until(Duration.ofSeconds(60), () -> api.get("/nodes?q=name:" + hostname).json()
                            .asJsonArray().stream().findFirst()
                            .map(n -> n.asJsonObject().getJsonNumber("id").longValue()))
                    .orElseThrow(() -> new AssertionError("node " + hostname + " never appeared"));
            browser.get(vantage.baseUrl() + "/");
            signIn("admin", RunningVantage.ADMIN_PASSWORD);
            wait.until(ExpectedConditions.textToBe(By.id("signed-in-user"), "admin"));
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
            long nodeId = Waits.until(Duration.ofSeconds(60), () -> api.get("/nodes?q=name:" + hostname).json()
                            .asJsonArray().stream().findFirst()
                            .map(n -> n.asJsonObject().getJsonNumber("id").longValue()))
                    .orElseThrow(() -> new AssertionError("node " + hostname + " never appeared"));
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

    private WebElement processesPanel() {
        return browser.findElement(By.cssSelector(".processes[data-node-id]"));
    }

    @Test
    void a_monitor_created_by_query_in_the_console_is_listed_with_the_nodes_the_applier_found() throws Exception {
        String run = run();
        String host = "console-monitor-" + run;
        long nodeId = graphiteNode(host, "cpu.busy", 10, Instant.now());
        tag(nodeId, "run-" + run);

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

        By row = By.xpath("//tr[contains(@class,'monitor-row')][.//span[@class='monitor-name' and .='busy-" + run
                + "']]");
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
        By row = By.xpath("//tr[contains(@class,'monitor-row')][.//span[@class='monitor-name' and .='busy-" + run
                + "']]");
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
        long nodeId = graphiteNode(host, "cpu.busy", 10, start);
        tag(nodeId, "run-" + run);
        monitorOnTag(run, null);

        openSignedIn("/alerts.xhtml");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-alerts", "open"));
        markPage();
        long sent = System.currentTimeMillis();
        send(host, "cpu.busy", 95, start.plusSeconds(10));
        By alertRow = By.xpath("//tr[contains(@class,'alert-row')][.//a[contains(@class,'alert-node') and .='"
                + host + "']]");
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
        send(host, "cpu.busy", 40, start.plusSeconds(20));
        wait.until(driver -> severityIn(driver.findElements(nodeAlert), "OK"));
        assertTrue(pageNotReloaded(), "the node page was redrawn in place");
    }

    @Test
    void an_acknowledged_problem_shows_who_took_it_and_its_page_lists_history_and_notifications() throws Exception {
        String run = run();
        String host = "console-ack-" + run;
        Instant start = Instant.now().minusSeconds(30);
        long nodeId = graphiteNode(host, "cpu.busy", 10, start);
        tag(nodeId, "run-" + run);
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        try {
            long channel = created(api.post("/channels", "{\"name\":\"hook-" + run + "\",\"kind\":\"WEBHOOK\","
                    + "\"target\":\"http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook\"}"));
            long plan = created(api.post("/plans", "{\"name\":\"plan-" + run + "\",\"routes\":{\"CRITICAL\":["
                    + channel + "]}}"));
            long monitor = monitorOnTag(run, plan);
            send(host, "cpu.busy", 95, start.plusSeconds(10));
            long alertId = Waits.until(Duration.ofSeconds(30), () -> api.get("/alerts?monitor=" + monitor
                            + "&severity=CRITICAL").json().asJsonArray().stream().findFirst()
                            .map(a -> a.asJsonObject().getJsonNumber("id").longValue()))
                    .orElseThrow(() -> new AssertionError("no critical alert for monitor " + monitor));

            openSignedIn("/alerts.xhtml");
            By alertRow = By.xpath("//tr[contains(@class,'alert-row')][.//a[contains(@class,'alert-node') and .='"
                    + host + "']]");
            wait.until(ExpectedConditions.visibilityOfElementLocated(alertRow)).findElement(By.className("acknowledge"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ackTitle"), host));
            browser.findElement(By.id("ackForm:note")).sendKeys("on it, " + run);
            browser.findElement(By.id("ackForm:confirmAcknowledge")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("ackDialog")));
            wait.until(driver -> "admin".equals(driver.findElement(alertRow)
                    .findElement(By.className("alert-acknowledged-by")).getText()));
            assertTrue(browser.findElement(alertRow).findElements(By.className("acknowledge")).isEmpty(),
                    "an acknowledged problem cannot be acknowledged again");

            // the notices are delivered by the notification worker; the alert page shows them once they are
            assertTrue(Waits.until(Duration.ofSeconds(30), () -> api.get("/alerts/" + alertId).json().asJsonObject()
                    .getJsonArray("notifications").stream().map(JsonObject.class::cast)
                    .filter(n -> "DELIVERED".equals(n.getString("status"))).count() == 2
                    ? Optional.of(true) : Optional.empty()).isPresent(), "problem and acknowledgement delivered");
            browser.findElement(alertRow).findElement(By.className("alert-details")).click();
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
        } finally {
            webhook.stop(0);
        }
    }

    private void openSignedIn(String page) {
        browser.get(vantage.baseUrl() + page);
        signIn("admin", RunningVantage.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.id("signed-in-user"), "admin"));
        browser.get(vantage.baseUrl() + page);
    }

    private void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private List<String> texts(By rows) {
        return browser.findElements(rows).stream().map(WebElement::getText).toList();
    }

    /** Whether one of the rows shows the severity: the check runs on what the browser shows now. */
    private static boolean severityIn(List<WebElement> rows, String severity) {
        return rows.stream().anyMatch(row -> severity.equals(row.findElement(By.className("severity")).getText()));
    }

    /** Leaves a mark in the page's window that a reload would wipe out. */
    private void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.vantageStillTheSamePage = true;");
    }

    private boolean pageNotReloaded() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript("return window.vantageStillTheSamePage === true;"));
    }

    /** A monitor through the API on the nodes tagged for the run: critical above 90; applied before it returns. */
    private static long monitorOnTag(String run, Long planId) {
        return monitorOnTag(run, planId, true);
    }

    private static long monitorOnTag(String run, Long planId, boolean awaitApplied) {
        long monitor = created(api.post("/monitors", "{\"name\":\"busy-" + run + "\",\"nodeQuery\":\"tag:run-" + run
                + "\",\"metric\":\"cpu.busy\",\"rule\":{\"direction\":\"ABOVE\",\"critical\":90},\"planId\":"
                + planId + "}"));
        assertTrue(!awaitApplied || Waits.until(Duration.ofSeconds(30), () -> {
            JsonArray targets = api.get("/monitors/" + monitor + "/nodes").json().asJsonArray();
            return targets.isEmpty() ? Optional.empty() : Optional.of(true);
        }).isPresent(), "the monitor applies to the run's node");
        return monitor;
    }

    /** A node made by its first Graphite line, as collectd would create it. */
    private static long graphiteNode(String host, String metric, double value, Instant at) throws IOException {
        send(host, metric, value, at);
        return Waits.until(Duration.ofSeconds(30), () -> api.get("/nodes?q=name:" + host).json().asJsonArray()
                        .stream().findFirst().map(n -> n.asJsonObject().getJsonNumber("id").longValue()))
                .orElseThrow(() -> new AssertionError("node " + host + " never appeared"));
    }

    private static void tag(long nodeId, String tag) {
        assertEquals(200, api.put("/nodes/" + nodeId, "{\"tags\":[\"" + tag + "\"]}").status());
    }

    private static void send(String host, String metric, double value, Instant at) throws IOException {
        try (Socket sender = new Socket("127.0.0.1", RunningVantage.GRAPHITE_PORT)) {
            OutputStream out = sender.getOutputStream();
            out.write(("collectd." + host + "." + metric + " " + value + " " + at.getEpochSecond() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static long created(VantageApi.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().asJsonObject().getJsonNumber("id").longValue();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void signIn(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username"))).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:signIn")).click();
    }
}
