package io.vantage.agent.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads performance data as the Nagios plugin API defines it:
 * {@code 'label'=value[UOM];[warn];[crit];[min];[max]}, items separated by blanks, a label quoted with single
 * quotes when it holds blanks or {@code =} ({@code ''} inside quotes is one quote). Plugins in the wild bend the
 * rules, so an item that cannot be read is skipped and the rest of the line still counts.
 */
final class PerfDataParser {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern VALUE = Pattern.compile("(" + NUMBER.pattern() + ")([A-Za-z%]*)");

    private PerfDataParser() {
    }

    /** Every readable item of {@code text}, in order. */
    static List<PerfValue> parse(String text) {
        List<PerfValue> values = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= length) {
                break;
            }
            StringBuilder label = new StringBuilder();
            if (text.charAt(i) == '\'') {
                i = quotedLabel(text, i + 1, label);
                if (i < 0) {
                    break; // an unclosed quote leaves nothing after it that could be told apart reliably
                }
            } else {
                while (i < length && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                    label.append(text.charAt(i++));
                }
            }
            int end = i;
            while (end < length && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (i < length && text.charAt(i) == '=' && label.length() > 0) {
                PerfValue value = item(label.toString(), text.substring(i + 1, end));
                if (value != null) {
                    values.add(value);
                }
            }
            i = end; // a word without '=' is garbage: skip it and read on
        }
        return values;
    }

    /** Reads a quoted label from just after its opening quote; returns the index after the closing quote, or -1. */
    private static int quotedLabel(String text, int from, StringBuilder label) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c != '\'') {
                label.append(c);
            } else if (i < text.length() && text.charAt(i) == '\'') {
                label.append('\'');
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }

    /** One item from the text after {@code =}, or {@code null} when its value is missing, {@code U} or unreadable. */
    private static PerfValue item(String label, String data) {
        String[] fields = data.split(";", -1);
        Matcher value = VALUE.matcher(fields[0]);
        if (!value.matches()) {
            return null;
        }
        double factor = Units.factor(value.group(2));
        if (Double.isNaN(factor)) {
            return null; // a unit the API does not define cannot be brought to base units
        }
        return new PerfValue(label, Double.parseDouble(value.group(1)) * factor, threshold(fields, 1, factor),
                threshold(fields, 2, factor), threshold(fields, 3, factor), threshold(fields, 4, factor));
    }

    /** A plain number in field {@code index}, scaled like the value; ranges and blanks give {@code null}. */
    private static Double threshold(String[] fields, int index, double factor) {
        if (index >= fields.length) {
            return null;
        }
        String field = fields[index].trim();
        if (!NUMBER.matcher(field).matches()) {
            return null;
        }
        return Double.parseDouble(field) * factor;
    }
}
