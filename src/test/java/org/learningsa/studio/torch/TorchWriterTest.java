package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TorchWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void writtenTreeReadsBackIdentically(boolean legacy) {
        Path file = dir.resolve(legacy ? "tree_legacy.pt" : "tree_zip.pt");
        PyDict tree = SampleTree.build();
        if (legacy) {
            TorchWriter.writeLegacy(file, tree);
        } else {
            TorchWriter.writeZip(file, tree);
        }
        TorchFile read = TorchFile.read(file);
        assertEquals(legacy ? TorchFile.Format.LEGACY : TorchFile.Format.ZIP, read.format());
        SampleTree.assertSameTree(tree, read.root(), "");
        SampleTree.assertSharing((PyDict) read.root());
    }

    @Test
    void zipEntriesAreStoredUnderArchiveWithDataAlignedTo64Bytes() throws IOException {
        Path file = dir.resolve("aligned.pt");
        TorchWriter.writeZip(file, SampleTree.build());
        try (ZipFile zip = new ZipFile(file.toFile()); MappedFile mapped = MappedFile.open(file)) {
            assertTrue(zip.getEntry("archive/data.pkl") != null);
            assertEquals("3\n", new String(zip.getInputStream(zip.getEntry("archive/version")).readAllBytes()));
            ZipDirectory directory = ZipDirectory.read(mapped);
            for (ZipDirectory.Entry entry : directory.entries()) {
                assertEquals(0, entry.method(), entry.name() + " is stored");
                ByteBuffer data = directory.data(entry);
                assertEquals(0, directory.dataOffset(entry) % ZipWriter.ALIGNMENT, entry.name() + " starts at a multiple of 64");
                assertEquals(entry.size(), data.remaining());
            }
        }
    }

    @Test
    void stateDictSaveWrapsTheTensorsAsNet() {
        Path file = dir.resolve("net.pt");
        LinkedHashMap<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("g_f", TensorData.ofFloats(new long[] {1, 4, 1, 1}, new float[] {1, 2, 3, 4}));
        StateDict.save(file, tensors, false);
        PyDict root = (PyDict) TorchFile.read(file).root();
        assertEquals(java.util.List.of("net"), java.util.List.copyOf(root.keySet()));
        try (StateDict loaded = StateDict.load(file)) {
            assertEquals(java.util.List.of("g_f"), java.util.List.copyOf(loaded.keys()));
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 2, 3, 4}, loaded.get("g_f").toFloatArray());
        }
    }

    @Test
    void failedWriteLeavesNoTempFileAndKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("keep.pt");
        Files.writeString(file, "old");
        PyDict tree = PyDict.dict();
        tree.put("bad", new Object());
        try {
            TorchWriter.writeZip(file, tree);
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("java.lang.Object"));
        }
        assertEquals("old", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }
}
