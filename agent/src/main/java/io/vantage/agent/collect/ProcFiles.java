package io.vantage.agent.collect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/** Small readers for /proc and /sys files, which the kernel renders afresh at every read and reports with size 0. */
final class ProcFiles {

    /** Takes one line of a file; may fail on a line it cannot read. */
    @FunctionalInterface
    interface LineConsumer {
        void accept(String line) throws IOException;
    }

    /** Larger than most /proc files; grown for the few that are not (/proc/stat of a large machine). */
    private static final int INITIAL_BUFFER = 8192;
    /**
     * One buffer per reading thread, kept between reads: in the agent only the collecting thread reads, so this is
     * one buffer as large as the largest file it reads.
     */
    private static final ThreadLocal<Buffer> BUFFERS = new ThreadLocal<>();

    private ProcFiles() {
    }

    /**
     * The first line that {@code wanted} accepts.
     *
     * @throws IOException when the file cannot be read or holds no such line
     */
    static String firstLine(Path file, Predicate<String> wanted) throws IOException {
        String[] found = new String[1];
        read(file, StandardCharsets.ISO_8859_1, line -> {
            if (wanted.test(line)) {
                found[0] = line;
                return false;
            }
            return true;
        });
        if (found[0] == null) {
            throw new IOException(file + " holds no line the agent can read");
        }
        return found[0];
    }

    /** Hands every line to {@code consumer}, bytes read as ISO-8859-1 so no byte sequence can fail the read. */
    static void forEachLine(Path file, LineConsumer consumer) throws IOException {
        forEachLine(file, StandardCharsets.ISO_8859_1, consumer);
    }

    /**
     * Hands every line to {@code consumer}. Undecodable bytes become U+FFFD instead of failing the whole read, which a
     * single oddly named device or mount point must not do.
     */
    static void forEachLine(Path file, Charset charset, LineConsumer consumer) throws IOException {
        read(file, charset, line -> {
            consumer.accept(line);
            return true;
        });
    }

    /** Takes one line; returns whether to go on to the next. */
    @FunctionalInterface
    private interface LineVisitor {
        boolean visit(String line) throws IOException;
    }

    /**
     * Reads the whole file into this thread's buffer, then hands over its lines (split at {@code \n} only, without
     * it; no empty line after a final {@code \n}). A /proc file is a few kilobytes rendered at each read: reading it
     * into a kept buffer, rather than through a new BufferedReader and InputStreamReader (24 KB of buffers each), keeps
     * the dozen files of every tick from allocating more than the lines themselves.
     */
    private static void read(Path file, Charset charset, LineVisitor visitor) throws IOException {
        Buffer buffer = borrow();
        try {
            buffer.fill(file);
            byte[] bytes = buffer.bytes;
            int length = buffer.length;
            for (int start = 0; start < length; ) {
                int end = start;
                while (end < length && bytes[end] != '\n') {
                    end++;
                }
                if (!visitor.visit(new String(bytes, start, end - start, charset))) {
                    return;
                }
                start = end + 1;
            }
        } finally {
            BUFFERS.set(buffer);
        }
    }

    /** A checksum of the file's content, to tell cheaply whether it changed since an earlier read. */
    static long checksum(Path file) throws IOException {
        Buffer buffer = borrow();
        try {
            buffer.fill(file);
            CRC32 crc = new CRC32();
            crc.update(buffer.bytes, 0, buffer.length);
            return crc.getValue() << 32 | buffer.length;
        } finally {
            BUFFERS.set(buffer);
        }
    }

    /** This thread's buffer; a reader that reads another file meanwhile (a line visitor) gets a buffer of its own. */
    private static Buffer borrow() {
        Buffer buffer = BUFFERS.get();
        if (buffer == null) {
            return new Buffer();
        }
        BUFFERS.set(null);
        return buffer;
    }

    /** A file's bytes, in an array kept from one read to the next and grown to the largest file read. */
    private static final class Buffer {
        byte[] bytes = new byte[INITIAL_BUFFER];
        int length;

        void fill(Path file) throws IOException {
            length = 0;
            try (InputStream in = Files.newInputStream(file)) {
                for (int read = 0; read >= 0; read = in.read(bytes, length, bytes.length - length)) {
                    length += read;
                    if (length == bytes.length) {
                        bytes = Arrays.copyOf(bytes, bytes.length * 2);
                    }
                }
            }
        }
    }

    /**
     * Splits on runs of blanks, ignoring leading and trailing ones. A hand-written scan rather than
     * {@code split("\\s+")}, which compiles a regular expression at every call and runs for every line of every tick.
     */
    static String[] fields(String line) {
        List<String> fields = new ArrayList<>(20);
        int length = line.length();
        int i = 0;
        while (i < length) {
            while (i < length && line.charAt(i) <= ' ') {
                i++;
            }
            int start = i;
            while (i < length && line.charAt(i) > ' ') {
                i++;
            }
            if (i > start) {
                fields.add(line.substring(start, i));
            }
        }
        return fields.toArray(new String[0]);
    }

    static long parseLong(String text, Path file) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + text + "' is not a whole number");
        }
    }

    static double parseDouble(String text, Path file) throws IOException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + text + "' is not a number");
        }
    }

}
