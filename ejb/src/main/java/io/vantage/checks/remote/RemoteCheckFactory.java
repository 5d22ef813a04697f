package io.vantage.checks.remote;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds a {@link RemoteCheck} from a kind and string settings, as the REST API receives them, refusing bad input
 * with an {@link InvalidCheckSpecException} whose message can be shown to the user as it is.
 *
 * <table>
 * <caption>Settings by kind (timeouts in milliseconds)</caption>
 * <tr><th>kind</th><th>settings</th></tr>
 * <tr><td>tcp</td><td>{@code host}, {@code port} (1-65535), {@code timeout_ms} (1-60000, default 5000)</td></tr>
 * <tr><td>ping</td><td>{@code host}, {@code count} (1-100, default 3), {@code timeout_ms} (1000-60000, default
 * 5000)</td></tr>
 * <tr><td>http</td><td>{@code url} (http or https), {@code status} ({@code 200} or {@code 200-399}, the default),
 * {@code body} (a regex), {@code timeout_ms} (1-60000, default 10000), {@code follow_redirects} (default false),
 * {@code verify_tls} (default true), {@code cert_warn_days} (default 14), {@code cert_crit_days} (default 3)</td></tr>
 * <tr><td>dns</td><td>{@code name}, {@code expect} (comma-separated IP addresses), {@code timeout_ms} (1-60000,
 * default 5000)</td></tr>
 * </table>
 * Settings other than these are refused, so a misspelt one does not silently fall back to its default.
 */
public final class RemoteCheckFactory {

    /** The kinds {@link #create} knows, in the order error messages list them. */
    public static final List<String> KINDS = List.of("tcp", "ping", "http", "dns");

    private static final Map<String, List<String>> SETTINGS = new LinkedHashMap<>();
    private static final Pattern STATUS = Pattern.compile("(\\d{3})(?:\\s*-\\s*(\\d{3}))?");

    static {
        SETTINGS.put("tcp", List.of("host", "port", "timeout_ms"));
        SETTINGS.put("ping", List.of("host", "count", "timeout_ms"));
        SETTINGS.put("http", List.of("url", "status", "body", "timeout_ms", "follow_redirects", "verify_tls",
                "cert_warn_days", "cert_crit_days"));
        SETTINGS.put("dns", List.of("name", "expect", "timeout_ms"));
    }

    private RemoteCheckFactory() {
    }

    /**
     * @param kind     {@code tcp}, {@code ping}, {@code http} or {@code dns}, in any case
     * @param settings the kind's settings; null is taken as none
     * @throws InvalidCheckSpecException when the kind is unknown or a setting is missing, unknown or invalid
     */
    public static RemoteCheck create(String kind, Map<String, String> settings) {
        String known = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        if (!SETTINGS.containsKey(known)) {
            throw new InvalidCheckSpecException("unknown check kind '" + CheckArguments.shorten(kind) + "' (known: "
                    + String.join(", ", KINDS) + ")");
        }
        SpecSettings spec = new SpecSettings(known, settings, SETTINGS.get(known));
        return switch (known) {
            case "tcp" -> new TcpConnectCheck(CheckArguments.requireHost("host", spec.required("host")),
                    (int) spec.number("port", 1, 65_535), timeout(spec, 1, 5_000));
            case "ping" -> new PingCheck(CheckArguments.requireHost("host", spec.required("host")),
                    (int) spec.number("count", 1, PingCheck.MAX_COUNT, 3), timeout(spec, 1_000, 5_000));
            case "http" -> new HttpCheck(httpSettings(spec));
            default -> new DnsCheck(CheckArguments.requireHost("name", spec.required("name")), expected(spec),
                    timeout(spec, 1, 5_000));
        };
    }

    private static Duration timeout(SpecSettings spec, long minMillis, long defaultMillis) {
        return Duration.ofMillis(spec.number("timeout_ms", minMillis, CheckArguments.MAX_TIMEOUT.toMillis(),
                defaultMillis));
    }

    private static HttpCheckSettings httpSettings(SpecSettings spec) {
        String url = spec.required("url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidCheckSpecException("url is not a valid URL: " + e.getReason() + " at index "
                    + e.getIndex() + " of '" + CheckArguments.shorten(url) + "'");
        }
        HttpCheckSettings.Builder builder = HttpCheckSettings.builder(uri).timeout(timeout(spec, 1, 10_000))
                .followRedirects(spec.flag("follow_redirects", false))
                .verifyCertificate(spec.flag("verify_tls", true));
        spec.optional("status").ifPresent(status -> {
            Matcher range = STATUS.matcher(status);
            if (!range.matches()) {
                throw new InvalidCheckSpecException("status must be a code or a range such as 200-399, got '"
                        + CheckArguments.shorten(status) + "'");
            }
            int min = Integer.parseInt(range.group(1));
            builder.expectedStatus(min, range.group(2) == null ? min : Integer.parseInt(range.group(2)));
        });
        spec.optional("body").ifPresent(body -> {
            try {
                builder.bodyPattern(Pattern.compile(body));
            } catch (PatternSyntaxException e) {
                throw new InvalidCheckSpecException("body is not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        });
        long warnDays = spec.number("cert_warn_days", 0, 3_650, 14);
        long critDays = spec.number("cert_crit_days", 0, 3_650, 3);
        if (critDays > warnDays) {
            throw new InvalidCheckSpecException("cert_crit_days (" + critDays + ") must not be above cert_warn_days ("
                    + warnDays + ")");
        }
        return builder.certificateWarning(Duration.ofDays(warnDays)).certificateCritical(Duration.ofDays(critDays))
                .build();
    }

    private static List<InetAddress> expected(SpecSettings spec) {
        List<InetAddress> addresses = new ArrayList<>();
        spec.optional("expect").ifPresent(list -> {
            for (String item : list.split(",")) {
                if (!item.isBlank()) {
                    addresses.add(CheckArguments.parseIpLiteral("expect", item));
                }
            }
        });
        return addresses;
    }
}
