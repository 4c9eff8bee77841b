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
 *
 * <p>Temporary files are named {@code .<name><digits>.tmp}. Those in flight at exit are given up to a minute to
 * finish, then deleted by a shutdown hook (Ctrl+C during a write leaves nothing behind, and loses no save), and writing a file first removes its own stale temporaries
 * older than {@link #STALE_TEMPORARY_MILLIS}, which only a killed process (SIGKILL, power loss) leaves.
 */
public final class AtomicFiles {

    /** Age after which a temporary of ours is a leftover, not another process's write in progress. */
    static final long STALE_TEMPORARY_MILLIS = 15 * 60 * 1000L;
    private static final java.util.Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** How long the exit waits for writes in flight to finish before deleting their temporaries. */
    static final long EXIT_WAIT_MILLIS = 60_000;

    static {
        installCleanupHook(Runtime.getRuntime()::addShutdownHook);
    }

    /**
     * Registers the exit's clean-up; false when the JVM is already shutting down (this class was first used by a
     * write during Ctrl-C), which must not fail the class's initialisation: writes then finish or leave a
     * temporary that a later write of the same file removes.
     */
    static boolean installCleanupHook(java.util.function.Consumer<Thread> register) {
        try {
            register.accept(new Thread(() -> deleteInFlightAtExit(EXIT_WAIT_MILLIS), "delete-temporary-files"));
            return true;
        } catch (IllegalStateException shutdownInProgress) {
            return false;
        }
    }

    /**
     * At exit: waits (up to {@code waitMillis}) for the writes in flight to finish, then deletes the temporaries of
     * those that did not. Shutdown hooks run side by side, and on Ctrl-C another one keeps the JVM alive while the
     * work saves what it has (a training run writing state.pt): deleting the temporary under that writer would lose
     * the save it is making, so an unfinished write is given the time to finish first.
     */
    static void deleteInFlightAtExit(long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (!IN_FLIGHT.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Path temporary : IN_FLIGHT) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the process is ending; nothing else to do
            }
        }
    }

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
            throw new UserFacingException("cannot write " + file + ": " + (folder != null && java.nio.file.Files.exists(folder)
                    ? folder + " is a file, not a folder" : "the folder " + folder + " does not exist"));
        }
        Path temporary = null;
        deleteStaleTemporaries(folder, absolute.getFileName().toString());
        try {
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            IN_FLIGHT.add(temporary);
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
                IN_FLIGHT.remove(temporary);
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the rename succeeded or the folder went away; the error that matters was reported
                }
            }
        }
    }

    /** Removes {@code .<name><digits>.tmp} files of ours in {@code folder} older than the stale age. */
    static void deleteStaleTemporaries(Path folder, String name) {
        String prefix = "." + name;
        long now = System.currentTimeMillis();
        java.nio.file.DirectoryStream.Filter<Path> ours = candidate -> {
            String file = candidate.getFileName().toString();
            return file.length() > prefix.length() + 4 && file.startsWith(prefix) && file.endsWith(".tmp");
        };
        try (java.nio.file.DirectoryStream<Path> candidates = Files.newDirectoryStream(folder, ours)) {
            for (Path candidate : candidates) {
                String middle = candidate.getFileName().toString();
                middle = middle.substring(prefix.length(), middle.length() - ".tmp".length());
                if (!middle.isEmpty() && middle.chars().allMatch(Character::isDigit) && !IN_FLIGHT.contains(candidate)
                        && now - Files.getLastModifiedTime(candidate).toMillis() > STALE_TEMPORARY_MILLIS) {
                    Files.deleteIfExists(candidate);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy; the write itself reports what matters
        }
    }

    private static void makeWorldReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions are right there
        }
    }

    /** The reason, not only the path: the temporary file's name alone tells the user nothing. */
    private static String describe(IOException e) {
        return IoReasons.reasonOf(e);
    }
}
