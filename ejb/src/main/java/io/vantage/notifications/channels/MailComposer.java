package io.vantage.notifications.channels;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a notice into a mail: subject, plain-text body ({@link MailBody}), and the headers that let mail clients
 * thread an incident and filters sort it.
 *
 * <p>Threading: the mail that opens an alert (a PROBLEM coming from OK, or from an unknown severity) has a
 * Message-ID derived from the alert alone; every later mail about the same alert (escalation, ACK, RESOLVED,
 * flapping) names it in In-Reply-To and References. Later mails get a Message-ID derived from their notice id, so
 * a retried send keeps its id and mail clients drop the duplicate, while two different notices never share one
 * (Gmail hides a mail whose Message-ID it has already seen). The ids' domain is the sender's, and the opening id
 * carries the node and monitor too, so two Vantage sites, or one site reinstalled with its alert ids starting over,
 * do not produce the same id for different incidents.
 */
public final class MailComposer {

    private final InternetAddress from;
    private final String idDomain;

    /** A composer for mails from {@code from}; its domain becomes the domain of the Message-IDs. */
    public MailComposer(InternetAddress from) {
        this.from = Objects.requireNonNull(from, "from");
        String address = Objects.requireNonNull(from.getAddress(), "from address");
        int at = address.lastIndexOf('@');
        this.idDomain = at < 0 || at == address.length() - 1 ? "vantage" : address.substring(at + 1);
    }

    /** The subject, e.g. {@code [Vantage] CRITICAL: cpu.total.busy on web-1 (High CPU)}, always on one line. */
    public static String subject(AlertNotice notice) {
        return Text.singleLine("[Vantage] " + tag(notice) + ": " + notice.metric() + " on " + notice.nodeName()
                + " (" + notice.monitorName() + ")");
    }

    /** The word that says what happened: the severity for a problem, else what happened to the alert. */
    static String tag(AlertNotice notice) {
        return switch (notice.kind()) {
            case PROBLEM -> Text.singleLine(notice.severity());
            case RESOLVED -> "RESOLVED";
            case ACKNOWLEDGED -> "ACK";
            case FLAPPING -> "FLAPPING";
            case FLAPPING_ENDED -> "FLAPPING ENDED";
            case NO_DATA -> "NO DATA";
        };
    }

    /** This notice's Message-ID, angle brackets included; the same on every retry. */
    public String messageId(AlertNotice notice) {
        return opensAlert(notice) ? openingId(notice) : "<notice-" + notice.id() + "@" + idDomain + ">";
    }

    /** The Message-ID of the mail that opened this notice's alert, when this notice follows it. */
    public Optional<String> inReplyTo(AlertNotice notice) {
        return opensAlert(notice) ? Optional.empty() : Optional.of(openingId(notice));
    }

    /** The whole message, ready for {@code Transport.send}. */
    public MimeMessage compose(Session session, AlertNotice notice, List<InternetAddress> recipients)
            throws MessagingException {
        MimeMessage message = new NoticeMessage(session, messageId(notice));
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, recipients.toArray(new InternetAddress[0]));
        message.setSubject(subject(notice), "UTF-8");
        message.setSentDate(new Date());
        message.setText(MailBody.render(notice), "UTF-8");
        message.setHeader("X-Vantage-Alert", Long.toString(notice.alertId()));
        message.setHeader("X-Vantage-Notification", notice.id()); // safe: AlertNotice restricts its characters
        message.setHeader("X-Vantage-Severity", Text.singleLine(notice.severity()));
        // RFC 3834: tells vacation responders not to answer, so an out-of-office cannot loop with an alert storm
        message.setHeader("Auto-Submitted", "auto-generated");
        Optional<String> parent = inReplyTo(notice);
        if (parent.isPresent()) {
            message.setHeader("In-Reply-To", parent.get());
            message.setHeader("References", parent.get());
        }
        return message;
    }

    private static boolean opensAlert(AlertNotice notice) {
        return notice.kind() == NoticeKind.PROBLEM
                && (notice.previousSeverity() == null || "OK".equalsIgnoreCase(notice.previousSeverity()));
    }

    private String openingId(AlertNotice notice) {
        return "<alert-" + notice.alertId() + "-problem.node-" + notice.nodeId() + ".monitor-" + notice.monitorId()
                + "@" + idDomain + ">";
    }

    /** A message that keeps the Message-ID it was given: Jakarta Mail would otherwise make a random one on send. */
    private static final class NoticeMessage extends MimeMessage {

        private final String messageId;

        NoticeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
