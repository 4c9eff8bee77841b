package org.learningsa.studio.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.UserFacingException;

/**
 * A 5 MB .npz whose deflated member declares gigabytes used to end in OutOfMemoryError (issue 11): the .npy
 * header is now read first and bounds what is inflated.
 */
class HostileNpzTest {

    @TempDir
    Path dir;

    /** A member with header {@code header} followed by {@code zeroMegabytes} MB of zeros, deflated. */
    private Path npz(String header, int zeroMegabytes) throws IOException {
        Path file = dir.resolve("bomb.npz");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("source.npy"));
            StringBuilder text = new StringBuilder(header);
            while ((10 + text.length() + 1) % 64 != 0) {
                text.append(' ');
            }
            text.append('\n');
            zip.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length(), (byte) (text.length() >> 8)});
            zip.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < zeroMegabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void aMemberDeclaringGigabytesIsRefusedBeforeInflating() throws IOException {
        Path file = npz("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 40000, 40000), }", 64);
        UserFacingException error = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(UserFacingException.class, () -> NpzArchive.read(file)));
        assertTrue(error.getMessage().contains("declares <f4 [1, 3, 40000, 40000] (19200000000 bytes)"), error.getMessage());
    }

    @Test
    void aMemberHoldingMoreThanItDeclaresIsRefusedAfterItsDeclaredSize() throws IOException {
        Path file = npz("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", 32);
        UserFacingException error = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(UserFacingException.class, () -> NpzArchive.read(file)));
        assertTrue(error.getMessage().contains("holds more bytes than its header declares"), error.getMessage());
    }
}
