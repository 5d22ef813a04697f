package io.vantage.agent.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a check's {@code command} into the executable and its arguments the way a shell would for simple cases,
 * without running a shell: checks run with no shell so that no shell syntax (globs, variables, {@code ;}) can change
 * what a definition file executes.
 *
 * <p>Words are separated by blanks. {@code '...'} keeps everything inside literally; {@code "..."} keeps everything
 * but lets {@code \"} and {@code \\} stand for {@code "} and {@code \}; outside quotes a backslash keeps the next
 * character literally. {@code ''} gives an empty argument.
 */
final class CommandWords {

    private CommandWords() {
    }

    /** @throws IllegalArgumentException on an unterminated quote or a trailing backslash */
    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i++);
            if (c == '\'') {
                int close = command.indexOf('\'', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated ' in command");
                }
                word.append(command, i, close);
                i = close + 1;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(command, i, word);
                inWord = true;
            } else if (c == '\\') {
                if (i >= command.length()) {
                    throw new IllegalArgumentException("command ends with a backslash");
                }
                word.append(command.charAt(i++));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends a double-quoted part that starts at {@code from}; returns the index after its closing quote. */
    private static int doubleQuoted(String command, int from, StringBuilder word) {
        int i = from;
        while (i < command.length()) {
            char c = command.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i < command.length() && (command.charAt(i) == '"' || command.charAt(i) == '\\')) {
                c = command.charAt(i++);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("unterminated \" in command");
    }
}
