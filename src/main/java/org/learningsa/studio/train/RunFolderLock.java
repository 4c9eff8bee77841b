package org.learningsa.studio.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.IoReasons;
import org.learningsa.studio.core.UserFacingException;

/**
 * {@code RUN_DIR/run.lock}: one training run writes a run folder at a time. The file holds the owner's process id
 * (for the message another run gets) and is held with an operating-system lock, which the system releases when
 * the owner ends in any way (kill -9, power loss of the process): a lock left by a dead run is stale by
 * construction and simply taken over, no pid guessing needed. The file stays in the folder (empty when free):
 * deleting it could let two runs lock two different files of one name.
 */
final class RunFolderLock implements AutoCloseable {

    static final String FILE_NAME = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws UserFacingException when another live run (in this or another process) holds the folder */
    static RunFolderLock acquire(Path runDir) {
        Path file = runDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String owner = owner(channel);
                channel.close();
                throw new UserFacingException(runDir + " is being written by another training run" + owner
                        + "; wait for it to end, or choose another --out folder");
            }
            byte[] pid = ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
            return new RunFolderLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UserFacingException("cannot lock the run folder " + runDir + ": " + IoReasons.describe(e), e);
        }
    }

    private static String owner(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(64);
        channel.read(text, 0);
        String content = new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).strip();
        return content.startsWith("pid ") ? " (process " + EchoedText.name(content.substring(4)) + ")" : "";
    }

    /** Frees the folder: the file is emptied, then unlocked. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock all the same
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held any more
        }
    }
}
