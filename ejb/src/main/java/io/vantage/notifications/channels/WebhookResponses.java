package io.vantage.notifications.channels;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** What a webhook receiver's HTTP response means for the delivery: delivered, retry (and when), or give up. */
final class WebhookResponses {

    private WebhookResponses() {
    }

    static DeliveryResult classify(int status, HttpHeaders headers, String body, String host, Duration took) {
        String detail = "HTTP " + status + " from " + host + snippet(body);
        if (status >= 200 && status < 300) {
            return DeliveryResult.delivered(status, detail, took);
        }
        if (status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600)) {
            // timeout, too early, too many requests, server trouble: the receiver may well take it later
            Duration retryAfter = headers.firstValue("Retry-After").map(WebhookResponses::retryAfter).orElse(null);
            return DeliveryResult.retryable(status, detail, took, retryAfter);
        }
        if (status >= 300 && status < 400) {
            detail += " (a redirect: point the channel at the new URL)";
        }
        return DeliveryResult.permanent(status, detail, took);
    }

    /**
     * The wait a Retry-After value asks for, at most {@link WebhookChannel#MAX_RETRY_AFTER}: delay-seconds or an
     * HTTP date (RFC 9110 10.2.3). {@code null} when it is neither, so a malformed header cannot stall retries.
     */
    static Duration retryAfter(String value) {
        String text = value.strip();
        Duration wait;
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // more than 9 digits is already far past the cap, and would not fit a long past 19
            wait = text.length() > 9 ? WebhookChannel.MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(text));
        } else {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(Instant.now(), at);
                wait = wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return wait.compareTo(WebhookChannel.MAX_RETRY_AFTER) > 0 ? WebhookChannel.MAX_RETRY_AFTER : wait;
    }

    private static String snippet(String body) {
        String text = body == null ? "" : Text.singleLine(body);
        return text.isEmpty() ? "" : ": " + Text.abbreviate(text, 200);
    }
}
