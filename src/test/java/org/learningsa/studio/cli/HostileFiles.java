package org.learningsa.studio.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test helper: checkpoints a user might download that are not what they claim (built here, nothing stored). */
final class HostileFiles {

    private HostileFiles() {
    }

    /** A zip torch file whose pickle calls {@code os.system("id")}. */
    static Path unsafePickle(Path file) throws IOException {
        byte[] pickle = "\u0080\u0002cos\nsystem\nX\u0002\u0000\u0000\u0000id\u0085R.".getBytes(StandardCharsets.ISO_8859_1);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            stored(zip, "archive/data.pkl", pickle);
            stored(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    /** Random bytes under a checkpoint name. */
    static Path randomBytes(Path file) throws IOException {
        byte[] bytes = new byte[4096];
        new java.util.Random(11).nextBytes(bytes);
        bytes[0] = 7;
        Files.write(file, bytes);
        return file;
    }
}
