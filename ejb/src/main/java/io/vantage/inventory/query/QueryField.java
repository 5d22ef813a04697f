package io.vantage.inventory.query;

import io.vantage.persistence.inventory.NodeIndex;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A property of a node that a query term can test, named in queries by its {@link #keyword()}. */
public enum QueryField {
    /** The node's name, the hostname its agent reports. */
    NAME("name", NodeIndex.NAME),
    /** One of the node's tags; a term matches when any tag matches. */
    TAG("tag", NodeIndex.TAGS),
    /** The node's operating system; a node whose OS is unknown never matches an {@code os:} term. */
    OS("os", NodeIndex.OS),
    /** One of the node's network addresses; a term matches when any address matches. */
    ADDRESS("address", NodeIndex.ADDRESSES);

    private final String keyword;
    private final String indexField;

    QueryField(String keyword, String indexField) {
        this.keyword = keyword;
        this.indexField = indexField;
    }

    /** The node index field the term is searched in (see {@code Node}'s search mapping). */
    public String indexField() {
        return indexField;
    }

    /** The name written before the colon in a query, e.g. {@code tag}. */
    public String keyword() {
        return keyword;
    }

    /** The field a query names, ignoring case; empty when there is none by that name. */
    public static Optional<QueryField> fromKeyword(String keyword) {
        String wanted = keyword.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.keyword.equals(wanted)).findFirst();
    }

    /** The known keywords for error messages: {@code name, tag, os, address}. */
    static String knownKeywords() {
        return Arrays.stream(values()).map(QueryField::keyword).collect(Collectors.joining(", "));
    }
}
