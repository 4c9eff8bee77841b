package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zip64 records (needed past 4 GiB) written for a small file by lowering the writer's threshold to
 * 0: every size, offset and the end of the directory go through zip64. java.util.zip and our reader
 * must both read it, and our reader must give the same tree as from the original fixture.
 */
class Zip64Test {

    @TempDir
    Path dir;

    @Test
    void zip64RecordsReadLikeClassicOnes() throws Exception {
        Path original = TorchFixtures.file("checkpoint_zip.pt");
        PickleFiles.ZipFixture fixture = PickleFiles.unpack(original);
        Path file = dir.resolve("zip64.pt");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ZipWriter zip = new ZipWriter(channel, 0);
            zip.addEntry("checkpoint_zip/data.pkl", ByteBuffer.wrap(fixture.pickle()));
            for (Map.Entry<String, byte[]> storage : fixture.storages().entrySet()) {
                zip.addEntry("checkpoint_zip/data/" + storage.getKey(), ByteBuffer.wrap(storage.getValue()));
            }
            zip.finish();
        }
        try (ZipFile standard = new ZipFile(file.toFile())) {
            assertArrayEquals(fixture.pickle(), standard.getInputStream(standard.getEntry("checkpoint_zip/data.pkl")).readAllBytes());
            assertEquals(1 + fixture.storages().size(), standard.size());
        }
        SampleTree.assertSameTree(TorchFile.read(original).root(), TorchFile.read(file).root(), "zip64");
    }
}
