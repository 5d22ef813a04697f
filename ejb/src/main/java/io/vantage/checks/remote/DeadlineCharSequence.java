package io.vantage.checks.remote;

/**
 * A view of a text that throws {@link DeadlineExceeded} once a deadline passes. The body regex of an
 * {@link HttpCheck} comes from users, and a pattern with catastrophic backtracking over a megabyte of body could run
 * for hours; {@link java.util.regex.Matcher} cannot be interrupted, but it reads the text only through
 * {@link #charAt(int)}, which is where this view looks at the clock.
 */
final class DeadlineCharSequence implements CharSequence {

    /** Thrown from {@link #charAt(int)} once the deadline has passed. */
    static final class DeadlineExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeadlineExceeded() {
            super("deadline passed", null, false, false); // no stack trace: it is thrown as control flow
        }
    }

    private static final int CLOCK_EVERY = 4096;

    private final CharSequence text;
    private final long deadlineNanos;
    private int reads;

    /** @param deadlineNanos a {@link System#nanoTime()} value */
    DeadlineCharSequence(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        // reading the clock on every character would cost more than the matching
        if (++reads % CLOCK_EVERY == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new DeadlineExceeded();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineCharSequence(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
