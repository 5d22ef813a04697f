package io.vantage.checks.remote;

/**
 * Reason phrases for status codes. {@code java.net.http} does not expose the phrase a server sent (HTTP/2 has none),
 * so messages such as {@code 503 Service Unavailable} use the standard phrase.
 */
final class HttpStatusTexts {

    private HttpStatusTexts() {
    }

    /** {@code 503 Service Unavailable}; just the code when it has no well-known phrase. */
    static String describe(int code) {
        String phrase = phrase(code);
        return phrase.isEmpty() ? Integer.toString(code) : code + " " + phrase;
    }

    private static String phrase(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
