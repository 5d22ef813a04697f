package io.vantage.inventory.query;

/** The lexical rules the parser reads and {@link NodeQuery#toString()} writes, kept in one place so they agree. */
final class QuerySyntax {

    static final int MAX_LENGTH = 1_000;
    static final int MAX_DEPTH = 32;

    private static final String BARE_PUNCTUATION = ".-_*/?";

    private QuerySyntax() {
    }

    /** Whether {@code c} may appear in an unquoted word. */
    static boolean isBareChar(int c) {
        return Character.isLetterOrDigit(c) || BARE_PUNCTUATION.indexOf(c) >= 0;
    }

    static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /**
     * Lowercases code point by code point, as Lucene's lowercase filter does; {@link String#toLowerCase} applies
     * context rules (final sigma, dotted I) that would make the in-memory matcher disagree with the index.
     */
    static String lowercase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * A value as it is written after {@code field:}: bare when the parser would read it back unchanged. Checked char by
     * char, as the parser reads, so a letter outside the BMP (a surrogate pair) is quoted.
     */
    static String writeValue(String value) {
        if (!value.isEmpty() && value.chars().allMatch(QuerySyntax::isBareChar)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** An operand of an AND, OR or NOT, parenthesized when writing it bare would change how it parses. */
    static String writeOperand(NodeQuery operand, boolean parenthesize) {
        return parenthesize ? "(" + operand + ")" : operand.toString();
    }
}
