package io.vantage.web.api;

/**
 * The body of every error the API returns.
 *
 * @param status  the HTTP status, repeated for clients that lose it
 * @param error   a stable machine-readable code, such as {@code not_found}
 * @param message a sentence for the person reading it
 */
public record ApiError(int status, String error, String message) {
}
