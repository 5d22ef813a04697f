package io.vantage.protocol;

import java.nio.charset.StandardCharsets;

/** Cuts text to a byte budget of UTF-8, as the protocol's bounded strings need. */
public final class Utf8 {

    private Utf8() {
    }

    /** The longest prefix of {@code text} whose UTF-8 encoding fits {@code maxBytes}, never splitting a character. */
    public static String truncate(String text, int maxBytes) {
        if (text.length() * 3L <= maxBytes) {
            return text; // even all three-byte characters would fit: skip the count
        }
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return text.substring(0, i);
    }

    static int length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
