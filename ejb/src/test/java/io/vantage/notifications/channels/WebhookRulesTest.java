package io.vantage.notifications.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.notifications.channels.DeliveryResult.Outcome;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook's rules that need no receiver: URLs, statuses and Retry-After. */
class WebhookRulesTest {

    @Test
    void http_and_https_urls_with_a_host_are_accepted() {
        assertEquals(URI.create("https://hooks.example.com/t/abc?x=1"),
                WebhookChannel.validateUrl(" https://hooks.example.com/t/abc?x=1 "));
        assertEquals("http", WebhookChannel.validateUrl("http://10.0.0.5:8080/alerts").getScheme());
    }

    @Test
    void other_urls_are_refused_with_a_message_saying_why() {
        assertMessage("a webhook URL is required", "  ");
        assertMessage("must start with http:// or https://, not ftp:", "ftp://example.com/hook");
        assertMessage("must start with http:// or https://", "/relative/hook");
        assertMessage("not a valid URL", "https://example.com/a b");
        assertMessage("needs a valid host name", "https:///no-host");
        assertMessage("needs a valid host name", "http:opaque");
        assertMessage("must not hold a user name or password", "https://user:pw@example.com/hook");
        assertMessage("at most 2048 characters", "https://example.com/" + "a".repeat(2048));
    }

    @Test
    void statuses_map_to_delivered_retryable_or_permanent() {
        assertEquals(Outcome.DELIVERED, outcome(200));
        assertEquals(Outcome.DELIVERED, outcome(202));
        for (int status : new int[] {408, 425, 429, 500, 502, 503, 504}) {
            assertEquals(Outcome.RETRYABLE, outcome(status), "HTTP " + status);
        }
        for (int status : new int[] {301, 400, 401, 403, 404, 410, 413, 422}) {
            assertEquals(Outcome.PERMANENT_FAILURE, outcome(status), "HTTP " + status);
        }
    }

    @Test
    void retry_after_is_read_as_seconds_or_a_date_and_capped() {
        assertEquals(Duration.ofSeconds(120), WebhookResponses.retryAfter(" 120 "));
        assertEquals(Duration.ZERO, WebhookResponses.retryAfter("0"));
        assertEquals(WebhookChannel.MAX_RETRY_AFTER, WebhookResponses.retryAfter("86400"));
        assertEquals(WebhookChannel.MAX_RETRY_AFTER, WebhookResponses.retryAfter("99999999999999999999999"));
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)
                .plusSeconds(120));
        Duration wait = WebhookResponses.retryAfter(inTwoMinutes);
        assertTrue(wait.compareTo(Duration.ofSeconds(100)) > 0 && wait.compareTo(Duration.ofSeconds(121)) <= 0,
                wait.toString());
        assertNull(WebhookResponses.retryAfter("soon"));
        assertNull(WebhookResponses.retryAfter("-5"));
    }

    @Test
    void a_retry_after_on_a_permanent_failure_is_ignored() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of("30")), (name, value) -> true);

        assertNull(WebhookResponses.classify(404, headers, "", "h", Duration.ZERO).retryAfter());
    }

    @Test
    void a_long_error_page_is_cut_to_one_short_line_in_the_detail() {
        String page = "<html>\n<body>" + "x".repeat(5000) + "</body></html>";

        String detail = WebhookResponses.classify(502, none(), page, "h", Duration.ZERO).detail();

        assertTrue(detail.startsWith("HTTP 502 from h: <html> <body>xxx"), detail);
        assertTrue(detail.length() < 250, detail);
    }

    private static Outcome outcome(int status) {
        return WebhookResponses.classify(status, none(), "", "h", Duration.ZERO).outcome();
    }

    private static HttpHeaders none() {
        return HttpHeaders.of(Map.of(), (name, value) -> true);
    }

    private static void assertMessage(String expected, String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookChannel.validateUrl(url));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
