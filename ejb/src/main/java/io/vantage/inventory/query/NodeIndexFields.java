package io.vantage.inventory.query;

/**
 * The names of the node index's fields that {@link NodeQueryPredicates} searches, which the {@code @Indexed} node
 * entity's mapping must declare with the same names.
 */
public final class NodeIndexFields {

    /** The normalizer every keyword field below except the organization uses; defined by the analysis configurer. */
    public static final String LOWERCASE_NORMALIZER = "lowercase";

    /** Keyword, lowercase normalizer. */
    public static final String NAME = "name";
    /** Keyword, lowercase normalizer, multi-valued. */
    public static final String TAGS = "tags";
    /** Keyword, lowercase normalizer; absent when the OS is unknown. */
    public static final String OS = "os";
    /** Keyword, lowercase normalizer, multi-valued. */
    public static final String ADDRESSES = "addresses";
    /** Long; the tenancy filter the caller adds to every search, never produced by a query. */
    public static final String ORGANIZATION_ID = "organizationId";

    private NodeIndexFields() {
    }

    /** The index field a query field is searched in. */
    public static String of(QueryField field) {
        switch (field) {
            case NAME:
                return NAME;
            case TAG:
                return TAGS;
            case OS:
                return OS;
            case ADDRESS:
                return ADDRESSES;
            default:
                throw new IllegalArgumentException("unknown field " + field);
        }
    }
}
