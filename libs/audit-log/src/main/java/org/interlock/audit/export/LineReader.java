package org.interlock.audit.export;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a stream into lines as byte ranges of one reused buffer, so that a record is hashed from the
 * bytes it was read in, with no decoding or copying. Lines come in batches — every complete line in the
 * buffer after a read — so that a batch can be hashed on all cores before it is checked line by line;
 * a line's bytes stay valid until the next batch. The line feed is searched eight bytes at a time (the
 * "has zero byte" bit trick): an export of a million records is most of a gigabyte.
 */
final class LineReader {

    /** Told about each batch before its lines are handed out. */
    interface BatchListener {
        void batch(byte[] buffer, int[] starts, int[] ends, int count);
    }

    private static final int MAX_LINE = 64 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LINE_FEEDS = 0x0a0a0a0a0a0a0a0aL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final InputStream in;
    private final BatchListener listener;
    private byte[] buffer = new byte[4 << 20];
    private int start;
    private int end;
    private boolean eof;
    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    private int count;
    private int current = -1;
    private boolean lastTerminated = true;

    LineReader(InputStream in, BatchListener listener) {
        this.in = in;
        this.listener = listener;
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        if (++current < count) {
            return true;
        }
        current = 0;
        return readBatch();
    }

    byte[] buffer() {
        return buffer;
    }

    int lineStart() {
        return starts[current];
    }

    int lineEnd() {
        return ends[current];
    }

    /** The position of the current line in its batch, to find what the listener computed for it. */
    int indexInBatch() {
        return current;
    }

    /** Whether the line ended with a line feed (only the last line of a cut file does not). */
    boolean terminated() {
        return current < count - 1 || lastTerminated;
    }

    private boolean readBatch() throws IOException {
        count = 0;
        while (true) {
            int from = start;
            for (int lf = indexOfLineFeed(from, end); lf >= 0; lf = indexOfLineFeed(from, end)) {
                add(from, lf);
                from = lf + 1;
            }
            if (count > 0 || (eof && from < end)) {
                if (count == 0) {
                    add(from, end);
                    from = end;
                    lastTerminated = false;
                }
                start = from;
                listener.batch(buffer, starts, ends, count);
                return true;
            }
            if (eof) {
                return false;
            }
            fill();
        }
    }

    private void add(int lineStart, int lineEnd) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = lineStart;
        ends[count] = lineEnd;
        count++;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            if (buffer.length >= MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " bytes is not an export line");
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            eof = true;
        } else {
            end += read;
        }
    }

    private int indexOfLineFeed(int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(buffer, i) ^ LINE_FEEDS;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + Long.numberOfTrailingZeros(found) / Byte.SIZE;
            }
        }
        for (; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
