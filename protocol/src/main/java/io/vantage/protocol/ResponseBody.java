package io.vantage.protocol;

/** What an {@link ResponseStatus#OK} response carries; each request kind has its own body. */
public sealed interface ResponseBody permits ProcessTable {

    /** The request kind this body answers. */
    String kind();
}
