package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumTest {

    @TempDir
    Path dir;

    @Test
    void intactZipFixturesPassAndLegacyHasNothingToCheck() {
        // views_zip.pt: data.pkl, 8 storages, version
        assertEquals(10, TorchFile.read(TorchFixtures.file("views_zip.pt")).verifyChecksums());
        assertEquals(0, TorchFile.read(TorchFixtures.file("views_legacy.pt")).verifyChecksums());
    }

    @Test
    void aFlippedStorageByteOpensButFailsVerificationNamingTheEntry() throws Exception {
        Path source = TorchFixtures.file("views_zip.pt");
        long offset;
        try (MappedFile mapped = MappedFile.open(source)) {
            ZipDirectory zip = ZipDirectory.read(mapped);
            offset = zip.dataOffset(zip.find("views_zip/data/1").orElseThrow());
        }
        byte[] bytes = Files.readAllBytes(source);
        bytes[(int) offset + 5] ^= 0x40;
        Path corrupt = Files.write(dir.resolve("corrupt_zip.pt"), bytes);
        TorchFile read = TorchFile.read(corrupt);
        TorchFormatException error = assertThrows(TorchFormatException.class, read::verifyChecksums);
        assertTrue(error.getMessage().contains("views_zip/data/1") && error.getMessage().contains("CRC-32"), error.getMessage());
    }

    @Test
    void filesOfOurWriterPassVerification() {
        Path file = dir.resolve("ours.pt");
        TorchWriter.writeZip(file, SampleTree.build());
        assertTrue(TorchFile.read(file).verifyChecksums() > 0);
    }
}
