package io.vantage.notifications.channels;

/** Small text helpers the channels share for putting outside data into headers, subjects and details. */
final class Text {

    private Text() {
    }

    /**
     * The text on one line: every run of control or line-separator characters becomes one space. Node names come
     * from agents, so a CR LF in one must not start a new mail header or forge a line in a log.
     */
    static String singleLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                gap = true;
                continue;
            }
            if (gap && out.length() > 0) {
                out.append(' ');
            }
            gap = false;
            out.append(c);
        }
        return out.toString().strip();
    }

    /** The text cut to at most {@code max} characters, marked with "..." when cut. */
    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** What went wrong, with the causes that add something: "Couldn't connect to host ...: Connection refused". */
    static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && out.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank()
                    ? t.getClass().getSimpleName() : singleLine(t.getMessage());
            if (out.indexOf(message) < 0) {
                out.append(out.length() == 0 ? "" : ": ").append(message);
            }
        }
        return abbreviate(out.toString(), 400);
    }
}
