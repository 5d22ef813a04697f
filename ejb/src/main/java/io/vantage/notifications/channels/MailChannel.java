package io.vantage.notifications.channels;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Delivers notices by e-mail through a Jakarta Mail session; in the server, WildFly's
 * {@code java:jboss/mail/Vantage}. One call sends one mail to all recipients; the SMTP relay's acceptance counts
 * as delivery.
 *
 * <p>The session decides the SMTP host and its timeouts. Jakarta Mail waits forever by default, so the session
 * should set {@code mail.smtp.connectiontimeout}, {@code mail.smtp.timeout} and {@code mail.smtp.writetimeout}:
 * without them a relay that accepts the connection and then hangs holds the sending thread indefinitely.
 */
public final class MailChannel {

    private final Session session;
    private final MailComposer composer;

    /**
     * @param session the mail session to send through
     * @param from    the sender address; checked now, because a bad one would fail every delivery
     * @throws IllegalArgumentException when {@code from} is not a valid address
     */
    public MailChannel(Session session, String from) {
        this.session = Objects.requireNonNull(session, "session");
        this.composer = new MailComposer(validateAddress(from));
    }

    /**
     * Checks one address strictly, e.g. {@code ops@example.com} or {@code On call <ops@example.com>}; for the REST
     * API to refuse a bad channel definition before any alert needs it.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static InternetAddress validateAddress(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("a mail address is required");
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            parsed.validate();
            return parsed;
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + Text.abbreviate(Text.singleLine(address), 80)
                    + "' is not a valid mail address: " + e.getMessage(), e);
        }
    }

    /**
     * Sends the notice to the recipients in one mail. Never throws for a delivery problem: a malformed or refused
     * address is a permanent failure (nothing is sent, so the list must be fixed), anything else that goes wrong on
     * the way (relay down, timeout, temporary refusal) is retryable.
     */
    public DeliveryResult send(AlertNotice notice, List<String> recipients) {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(recipients, "recipients");
        long start = System.nanoTime();
        if (recipients.isEmpty()) {
            return DeliveryResult.permanent(null, "no recipients", since(start));
        }
        List<InternetAddress> addresses = new ArrayList<>(recipients.size());
        for (String recipient : recipients) {
            try {
                addresses.add(validateAddress(recipient));
            } catch (IllegalArgumentException e) {
                return DeliveryResult.permanent(null, e.getMessage() + "; nothing was sent", since(start));
            }
        }
        try {
            MimeMessage message = composer.compose(session, notice, addresses);
            Transport.send(message);
            return DeliveryResult.delivered(null, "accepted by the mail relay for " + addresses.size()
                    + (addresses.size() == 1 ? " recipient" : " recipients"), since(start));
        } catch (SendFailedException e) {
            Address[] invalid = e.getInvalidAddresses();
            if (invalid != null && invalid.length > 0) {
                // the relay refused these recipients outright; by default nothing went to the others either
                return DeliveryResult.permanent(null, "the mail relay refused " + Arrays.toString(invalid) + ": "
                        + Text.describe(e), since(start));
            }
            return DeliveryResult.retryable(null, Text.describe(e), since(start), null);
        } catch (MessagingException | RuntimeException e) {
            // connection refused, timeouts, authentication and temporary 4xx replies all land here; a provider bug
            // (a RuntimeException) is retried too rather than lose the notice
            return DeliveryResult.retryable(null, Text.describe(e), since(start), null);
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
