package io.vantage.checks;

import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.checks.CheckResultRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agent check's plugin said, for those who tell people about it: a notice about an alert on
 * {@code check.<name>.status} quotes the status text of the run that caused it. Best effort: a notice goes out
 * without the text rather than late or not at all.
 */
@ApplicationScoped
public class CheckTexts {

    private static final Pattern STATUS_METRIC = Pattern.compile("check\\.([A-Za-z0-9_:-]{1,64})\\.status");
    /** How far back to look for the run an alert change came from; a check runs at most once per agent tick. */
    private static final int LOOK_BACK = 20;

    @Inject
    CheckResultRepository results;

    /** The check's name when {@code metric} is an agent check's status, {@code check.disk.status} giving {@code disk}. */
    public static Optional<String> checkOf(String metric) {
        Matcher matcher = STATUS_METRIC.matcher(metric == null ? "" : metric);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * The status text of the newest stored run of the check behind {@code metric} that had finished at {@code at}
     * (the run whose status sample changed an alert carries that very time); empty when the metric is no check's
     * status, no such run is stored (yet), or storage cannot be read.
     */
    public Optional<String> textAt(long organizationId, long nodeId, String metric, Instant at) {
        Optional<String> check = checkOf(metric);
        if (check.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<String> text = results.history(organizationId, nodeId, check.get(), LOOK_BACK).stream()
                    .filter(result -> !result.finishedAt().isAfter(at))
                    .findFirst()
                    .map(CheckResult::text);
            if (text.isEmpty()) {
                CheckResultsLog.noticeWithoutText(nodeId, check.get(), "no stored result finished by " + at);
            }
            return text;
        } catch (RuntimeException e) {
            CheckResultsLog.noticeWithoutText(nodeId, check.get(), e.toString());
            return Optional.empty();
        }
    }
}
