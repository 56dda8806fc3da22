package dev.eventlog.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream to its end while it stays within a limit, and gives up as soon as it passes it: it never asks the
 * stream for more than {@code limit + 1} bytes in all, so what it holds is bounded whatever the stream would yield.
 */
final class BoundedRead {

    private static final int CHUNK = 16 * 1024;

    /** The stream would yield more than the limit. */
    static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super(null, null);
        }
    }

    private BoundedRead() {}

    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, CHUNK));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        while (true) {
            int wanted = (int) Math.min(chunk.length, limit + 1L - total);
            int read = in.read(chunk, 0, wanted);
            if (read < 0) {
                return out.toByteArray();
            }
            total += read;
            if (total > limit) {
                throw new LimitExceeded();
            }
            out.write(chunk, 0, read);
        }
    }
}
