package org.learningsa.studio.train;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.learningsa.studio.core.IoReasons;
import org.learningsa.studio.core.UserFacingException;

/**
 * The size and CRC-32C of a run's last.pt, recorded in state.pt when the two are saved, so a resume can tell that
 * the weights it loads are the ones the optimiser state belongs to. The two files cannot be replaced in one atomic
 * step: a run killed between them, or a last.pt replaced by hand (by an epoch file, say), would otherwise resume
 * silently as a different run. CRC-32C runs in hardware at several GB/s, so the 1.3 GB file costs well under a
 * second on each save and resume (a cryptographic hash would cost seconds and guards against no one here).
 */
record WeightsFingerprint(long bytes, long crc32c) {

    private static final long CHUNK = 1L << 28;

    /** @throws UserFacingException naming the file when it cannot be read */
    static WeightsFingerprint of(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            CRC32C crc = new CRC32C();
            for (long position = 0; position < size; position += CHUNK) {
                MappedByteBuffer chunk = channel.map(FileChannel.MapMode.READ_ONLY, position,
                        Math.min(CHUNK, size - position));
                crc.update(chunk);
            }
            return new WeightsFingerprint(size, crc.getValue());
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + file + ": " + IoReasons.describe(e), e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d bytes, CRC-32C %08x", bytes, crc32c);
    }
}
