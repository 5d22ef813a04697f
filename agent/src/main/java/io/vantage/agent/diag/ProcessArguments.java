package io.vantage.agent.diag;

import io.vantage.protocol.ProcessTable;
import io.vantage.protocol.Request;
import io.vantage.protocol.RequestKinds;

/**
 * The arguments of a {@link RequestKinds#PROCESSES} request, checked.
 *
 * @param limit    how many processes to list, 1 to {@link ProcessTable#MAX_ENTRIES}
 * @param byMemory whether the most resident memory comes first, rather than the most CPU
 */
record ProcessArguments(int limit, boolean byMemory) {

    /** @throws IllegalArgumentException saying which argument is wrong and what it may be */
    static ProcessArguments of(Request request) {
        String limitText = request.argument(RequestKinds.LIMIT, Integer.toString(RequestKinds.DEFAULT_LIMIT));
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > ProcessTable.MAX_ENTRIES) {
            throw new IllegalArgumentException("limit must be 1.." + ProcessTable.MAX_ENTRIES + ", was '" + limitText + "'");
        }
        String sort = request.argument(RequestKinds.SORT, RequestKinds.BY_CPU);
        if (!sort.equals(RequestKinds.BY_CPU) && !sort.equals(RequestKinds.BY_MEMORY)) {
            throw new IllegalArgumentException("sort must be " + RequestKinds.BY_CPU + " or " + RequestKinds.BY_MEMORY
                    + ", was '" + sort + "'");
        }
        return new ProcessArguments(limit, sort.equals(RequestKinds.BY_MEMORY));
    }
}
