package io.vantage.connector.nio;

import java.io.Closeable;
import java.io.IOException;

/** Closing on the way out, where a failure to close leaves nothing useful to do. */
final class Closing {

    private Closing() {
    }

    static void quietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // closing on the way out; nothing useful to do with the failure
        }
    }
}
