package io.vantage.persistence.inventory;

/**
 * The names in the node search index, shared by the mapping on {@link Node} and by the query translation, so that a
 * renamed field cannot silently match nothing.
 */
public final class NodeIndex {

    /** Keyword fields go through this normalizer: {@code tag:Web} finds a node tagged {@code web}. */
    public static final String LOWERCASE = "lowercase";

    public static final String ORGANIZATION = "organizationId";
    public static final String NAME = "name";
    public static final String TAGS = "tags";
    public static final String OS = "os";
    public static final String ADDRESSES = "addresses";

    private NodeIndex() {
    }
}
