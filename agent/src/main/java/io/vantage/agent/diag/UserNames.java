package io.vantage.agent.diag;

import io.vantage.protocol.ProcessEntry;
import io.vantage.protocol.Utf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * User names by uid, from /etc/passwd, read again only when the file changes. Users from other sources (LDAP through
 * NSS) are not in it; their processes show the uid in digits, as {@code ps} does for a uid it cannot name.
 */
final class UserNames {

    private final Path passwd;
    private Map<Long, String> names = Map.of();
    private FileTime readAt;

    /** @param passwd the /etc/passwd file */
    UserNames(Path passwd) {
        this.passwd = passwd;
    }

    /** The name of {@code uid}, or the uid in digits. Called by one thread at a time. */
    String nameOf(long uid) {
        refresh();
        String name = names.get(uid);
        return name != null ? name : Long.toString(uid);
    }

    private void refresh() {
        try {
            FileTime modified = Files.getLastModifiedTime(passwd);
            if (modified.equals(readAt)) {
                return;
            }
            // decoded leniently: one oddly encoded line must not cost every other name
            names = parse(new String(Files.readAllBytes(passwd), StandardCharsets.UTF_8));
            readAt = modified;
        } catch (IOException | RuntimeException e) {
            // no names is no reason to refuse a listing: the uids stand in for them
            names = Map.of();
            readAt = null;
        }
    }

    private static Map<Long, String> parse(String text) {
        Map<Long, String> parsed = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] fields = line.split(":", 4);
            if (fields.length == 4 && !fields[0].isEmpty() && !line.startsWith("#")) {
                try {
                    // the first entry for a uid wins, as getpwuid finds it
                    parsed.putIfAbsent(Long.parseLong(fields[2]), Utf8.truncate(fields[0], ProcessEntry.MAX_USER_BYTES));
                } catch (NumberFormatException e) {
                    // a broken line names nobody
                }
            }
        }
        return parsed;
    }
}
