package io.vantage.inventory.query;

import io.vantage.inventory.query.NodeQuery.And;
import io.vantage.inventory.query.NodeQuery.Match;
import io.vantage.inventory.query.NodeQuery.MatchAll;
import io.vantage.inventory.query.NodeQuery.Not;
import io.vantage.inventory.query.NodeQuery.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the node query language operators write to target monitors and maintenance windows at nodes.
 *
 * <pre>
 * or    := and ('OR' and)*
 * and   := unary (('AND')? unary)*          two terms side by side mean AND
 * unary := ('NOT' | '-') unary | '(' or ')' | term
 * term  := field ':' value | value | '*'
 * field := name | tag | os | address
 * value := word | '"' chars '"'             word: letters, digits and . - _ * / ?
 * </pre>
 *
 * <ul>
 *   <li>AND binds tighter than OR: {@code a OR b AND c} is {@code a OR (b AND c)}.</li>
 *   <li>Operators and field names are case-insensitive; so is matching.</li>
 *   <li>A value without a field is a name, for convenience: {@code db-*} means {@code name:db-*}. Quote a name
 *       that is spelled like an operator: {@code "and"}.</li>
 *   <li>{@code *} in a value stands for any run of characters, {@code ?} for exactly one, quoted or not.</li>
 *   <li>Inside quotes {@code \"} is a quote and {@code \\} a backslash; quote values with other characters,
 *       e.g. {@code address:"fe80::1"}.</li>
 *   <li>The empty query and {@code *} alone match every node.</li>
 *   <li>At most 1,000 characters and 32 levels of nesting; each parenthesis and each NOT is a level.</li>
 * </ul>
 *
 * Errors are {@link InvalidNodeQueryException}s naming what was expected, what was found and the 1-based column.
 */
public final class NodeQueryParser {

    private final String text;
    private int pos;

    private NodeQueryParser(String text) {
        this.text = text;
    }

    /**
     * Parses a query.
     *
     * @throws InvalidNodeQueryException when the text is not a valid query
     */
    public static NodeQuery parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > QuerySyntax.MAX_LENGTH) {
            throw new InvalidNodeQueryException("query is " + text.length() + " characters long; at most "
                    + QuerySyntax.MAX_LENGTH + " are allowed", QuerySyntax.MAX_LENGTH + 1);
        }
        NodeQueryParser parser = new NodeQueryParser(text);
        parser.skipSpace();
        if (parser.atEnd()) {
            return new MatchAll();
        }
        NodeQuery query = parser.or(0);
        parser.skipSpace();
        if (!parser.atEnd()) {
            // the loops in or() and and() stop only at the end or at a ')', and this one closes no '('
            throw parser.error("unbalanced ')' at column " + parser.column());
        }
        return query;
    }

    private NodeQuery or(int depth) {
        List<NodeQuery> operands = new ArrayList<>();
        operands.add(and(depth));
        while (atKeyword("OR")) {
            pos += 2;
            operands.add(and(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    private NodeQuery and(int depth) {
        List<NodeQuery> operands = new ArrayList<>();
        operands.add(unary(depth));
        while (true) {
            skipSpace();
            if (atEnd() || peek() == ')' || atKeyword("OR")) {
                break;
            }
            if (atKeyword("AND")) {
                pos += 3;
            }
            operands.add(unary(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    private NodeQuery unary(int depth) {
        skipSpace();
        int start = pos;
        if (!atEnd() && peek() == '-') {
            pos++;
            return new Not(unary(deeper(depth, start)));
        }
        if (atKeyword("NOT")) {
            pos += 3;
            return new Not(unary(deeper(depth, start)));
        }
        if (!atEnd() && peek() == '(') {
            pos++;
            NodeQuery inner = or(deeper(depth, start));
            skipSpace();
            if (atEnd()) {
                throw error("unbalanced '(' at column " + (start + 1) + ": expected ')' but found end of query at column "
                        + column());
            }
            pos++; // or() stops only at the end or at a ')'
            return inner;
        }
        if (!atEnd() && peek() == '"') {
            return new Match(QueryField.NAME, quoted("expected a name"));
        }
        if (atEnd() || !QuerySyntax.isBareChar(peek()) || atKeyword("AND") || atKeyword("OR")) {
            throw error("expected a term (such as tag:web) at column " + column() + " but found " + found());
        }
        String word = word();
        if (atEnd() || peek() != ':') {
            return word.equals("*") ? new MatchAll() : new Match(QueryField.NAME, word);
        }
        QueryField field = QueryField.fromKeyword(word).orElseThrow(() -> new InvalidNodeQueryException(
                "unknown field '" + word + "' at column " + (start + 1) + " (known: " + QueryField.knownKeywords() + ")",
                start + 1));
        pos++;
        return new Match(field, value(word + ":"));
    }

    /** The value right after {@code field:}; a space there would make {@code tag: web} two terms, so none is allowed. */
    private String value(String fieldAndColon) {
        String expected = "expected a value after '" + fieldAndColon + "'";
        if (!atEnd() && peek() == '"') {
            return quoted(expected);
        }
        if (atEnd() || !QuerySyntax.isBareChar(peek())) {
            throw error(expected + " at column " + column() + " but found " + found());
        }
        return word();
    }

    private String quoted(String expected) {
        int open = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new InvalidNodeQueryException("unterminated quote at column " + (open + 1), open + 1);
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (atEnd()) {
                    throw new InvalidNodeQueryException("unterminated quote at column " + (open + 1), open + 1);
                }
                char escaped = text.charAt(pos);
                if (escaped != '"' && escaped != '\\') {
                    throw new InvalidNodeQueryException("unsupported escape '\\" + escaped + "' at column " + pos
                            + " (inside quotes only \\\" and \\\\ are escapes)", pos);
                }
                pos++;
                c = escaped;
            }
            value.append(c);
        }
        if (value.length() == 0) {
            throw new InvalidNodeQueryException(expected + " at column " + (open + 1) + " but found an empty string",
                    open + 1);
        }
        return value.toString();
    }

    private String word() {
        int start = pos;
        while (!atEnd() && QuerySyntax.isBareChar(peek())) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Whether an operator starts here: the keyword as a whole word, not the start of {@code ANDROID} or {@code or:}. */
    private boolean atKeyword(String keyword) {
        skipSpace();
        int end = pos + keyword.length();
        return text.regionMatches(true, pos, keyword, 0, keyword.length())
                && (end == text.length() || !QuerySyntax.isBareChar(text.charAt(end)) && text.charAt(end) != ':');
    }

    private int deeper(int depth, int start) {
        if (depth + 1 > QuerySyntax.MAX_DEPTH) {
            throw new InvalidNodeQueryException("nesting deeper than " + QuerySyntax.MAX_DEPTH + " levels at column "
                    + (start + 1), start + 1);
        }
        return depth + 1;
    }

    /** What stands at the current position, for error messages. */
    private String found() {
        if (atEnd()) {
            return "end of query";
        }
        if (QuerySyntax.isBareChar(peek())) {
            int start = pos;
            String word = word();
            pos = start;
            return "'" + word + "'";
        }
        return "'" + peek() + "'";
    }

    private InvalidNodeQueryException error(String message) {
        return new InvalidNodeQueryException(message, column());
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private int column() {
        return pos + 1;
    }
}
