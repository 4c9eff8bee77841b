package org.learningsa.studio.torch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Read-only memory mapping of a checkpoint. Files under 2 GiB are mapped once and sliced; larger
 * ones map each region on its own (a Java buffer holds at most 2 GiB). Mapped regions stay valid
 * after {@link #close()}; the operating system pages them in on first touch.
 */
final class MappedFile implements AutoCloseable {

    private final FileChannel channel;
    private final long size;
    private final MappedByteBuffer whole;

    private MappedFile(FileChannel channel, long wholeMappingLimit) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.whole = size <= wholeMappingLimit ? channel.map(FileChannel.MapMode.READ_ONLY, 0, size) : null;
    }

    static MappedFile open(Path file) throws IOException {
        return open(file, Integer.MAX_VALUE);
    }

    /** Files larger than {@code wholeMappingLimit} are mapped region by region (tests lower it to 0). */
    static MappedFile open(Path file, long wholeMappingLimit) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new MappedFile(channel, Math.min(wholeMappingLimit, Integer.MAX_VALUE));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    long size() {
        return size;
    }

    /** Bytes {@code [offset, offset + length)} as a little-endian buffer at position 0. */
    ByteBuffer region(long offset, long length) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new MalformedInputException("file is truncated: needs bytes " + offset + " to "
                    + (offset + length) + " of a " + size + "-byte file");
        }
        if (length > Integer.MAX_VALUE) {
            throw new MalformedInputException("a single region of " + length + " bytes is over the 2 GiB a Java buffer holds");
        }
        if (whole != null) {
            return whole.slice((int) offset, (int) length).order(ByteOrder.LITTLE_ENDIAN);
        }
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new MalformedInputException("cannot map bytes " + offset + "+" + length + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
