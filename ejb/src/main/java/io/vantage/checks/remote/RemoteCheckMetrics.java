package io.vantage.checks.remote;

/**
 * Names of the metrics in {@link CheckOutcome#metrics()}. Every check reports {@code <kind>.up}: 1 when the status is
 * OK or WARNING, 0 when it is CRITICAL or UNKNOWN. The other metrics are reported only when they were measured; a
 * refused connection, for instance, has no latency.
 *
 * <table>
 * <caption>Metrics by check kind</caption>
 * <tr><th>kind</th><th>metric</th><th>meaning</th></tr>
 * <tr><td>tcp</td><td>{@value #TCP_UP}</td><td>1 or 0</td></tr>
 * <tr><td>tcp</td><td>{@value #TCP_CONNECT_MS}</td><td>time to establish the connection, in milliseconds, without
 * the name lookup</td></tr>
 * <tr><td>ping</td><td>{@value #PING_UP}</td><td>1 or 0</td></tr>
 * <tr><td>ping</td><td>{@value #PING_LOSS_PCT}</td><td>packets lost, 0-100 percent</td></tr>
 * <tr><td>ping</td><td>{@value #PING_RTT_AVG_MS}</td><td>average round trip in milliseconds (when any reply
 * came)</td></tr>
 * <tr><td>ping</td><td>{@value #PING_RTT_MAX_MS}</td><td>longest round trip in milliseconds (when any reply
 * came)</td></tr>
 * <tr><td>http</td><td>{@value #HTTP_UP}</td><td>1 or 0</td></tr>
 * <tr><td>http</td><td>{@value #HTTP_STATUS}</td><td>the response's status code</td></tr>
 * <tr><td>http</td><td>{@value #HTTP_RESPONSE_MS}</td><td>time from sending the request to the end of the body, in
 * milliseconds</td></tr>
 * <tr><td>http</td><td>{@value #HTTP_BODY_MATCH}</td><td>1 when the body regex was found, else 0; only when a regex
 * is set</td></tr>
 * <tr><td>http</td><td>{@value #HTTP_CERT_DAYS_LEFT}</td><td>https only: days, fractional, until the leaf
 * certificate's notAfter; negative once expired</td></tr>
 * <tr><td>dns</td><td>{@value #DNS_UP}</td><td>1 or 0</td></tr>
 * <tr><td>dns</td><td>{@value #DNS_RESOLVE_MS}</td><td>time to resolve the name, in milliseconds</td></tr>
 * <tr><td>dns</td><td>{@value #DNS_ADDRESSES}</td><td>number of addresses in the answer</td></tr>
 * </table>
 */
public final class RemoteCheckMetrics {

    public static final String TCP_UP = "tcp.up";
    public static final String TCP_CONNECT_MS = "tcp.connect_ms";

    public static final String PING_UP = "ping.up";
    public static final String PING_LOSS_PCT = "ping.loss_pct";
    public static final String PING_RTT_AVG_MS = "ping.rtt_avg_ms";
    public static final String PING_RTT_MAX_MS = "ping.rtt_max_ms";

    public static final String HTTP_UP = "http.up";
    public static final String HTTP_STATUS = "http.status";
    public static final String HTTP_RESPONSE_MS = "http.response_ms";
    public static final String HTTP_BODY_MATCH = "http.body_match";
    public static final String HTTP_CERT_DAYS_LEFT = "http.cert_days_left";

    public static final String DNS_UP = "dns.up";
    public static final String DNS_RESOLVE_MS = "dns.resolve_ms";
    public static final String DNS_ADDRESSES = "dns.addresses";

    private RemoteCheckMetrics() {
    }
}
