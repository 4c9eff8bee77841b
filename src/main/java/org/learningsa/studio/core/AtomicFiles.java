package org.learningsa.studio.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way the app writes files (checkpoints, exports, reports, annotations): a hidden temporary
 * file in the same folder, then an atomic rename, so readers see the old or the complete new content and
 * a crash or a full disk never leaves a half-written file under the real name. The result gets the usual
 * {@code rw-r--r--} (temporary files are created owner-only).
 */
public final class AtomicFiles {

    /** Writes the content to a channel (random access, large buffers without copies). */
    @FunctionalInterface
    public interface ChannelWriter {
        void write(FileChannel channel) throws IOException;
    }

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** @throws UserFacingException naming the file when it cannot be written (no folder, no permission, disk full) */
    public static void write(Path file, StreamWriter writer) {
        writeChannel(file, channel -> {
            // writers (Jackson, ImageIO) may close the stream; the channel must stay open for force()
            OutputStream out = new java.io.BufferedOutputStream(new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    this.out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            }, 1 << 16);
            writer.write(out);
            out.flush();
        });
    }

    /** Writes a UTF-8 text file. */
    public static void writeString(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(file, out -> out.write(bytes));
    }

    /** @throws UserFacingException naming the file when it cannot be written (no folder, no permission, disk full) */
    public static void writeChannel(Path file, ChannelWriter writer) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserFacingException("cannot write " + file + ": the folder " + folder + " does not exist");
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(channel);
                channel.force(false);
            }
            makeWorldReadable(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + file + ": " + describe(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the rename succeeded or the folder went away; the error that matters was reported
                }
            }
        }
    }

    private static void makeWorldReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions are right there
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
