package org.learningsa.studio.editing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.Dataset;
import org.learningsa.studio.data.DatasetLocator;
import org.learningsa.studio.data.KeypointPair;

class PointsExportTest {

    private static final Path SOURCE = Path.of("assets", "samples", "motorcycle_left.png");
    private static final Path TARGET = Path.of("assets", "samples", "motorcycle_right.png");

    @TempDir
    Path dir;

    private static PointsDocument document(Path source, Path target) {
        return new PointsDocument(new PointsDocument.ImageEntry(source, 741, 500, ImageHashes.sha256(source)),
                new PointsDocument.ImageEntry(target, 741, 500, ImageHashes.sha256(target)),
                List.of(new UserPoint("p1", "front wheel, left", new PixelPoint(100.25, 400), new PixelPoint(120, 390.5),
                                Origin.USER, true),
                        new UserPoint("p2", "", new PixelPoint(600, 120), new PixelPoint(740.5, 110), Origin.ACCEPTED, false)));
    }

    @Test
    void thePlainCsvHasOneRowPerPoint() {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        String csv = PointsExport.plainCsv(document(SOURCE, TARGET).points());
        assertEquals("x_source,y_source,x_target,y_target,label,origin\n"
                + "100.25,400,120,390.5,\"front wheel, left\",user\n"
                + "600,120,740.5,110,,accepted\n", csv);
    }

    @Test
    void aTrainingFolderIsAPfPascalDatasetThatTheTrainerReads() throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        Path folder = dir.resolve("my training set");
        PointsDocument document = document(SOURCE, TARGET);
        int motorbike = Benchmark.pascalClassNames().indexOf("motorbike") + 1;
        String row = TrainingSetFolder.addPair(folder, document, motorbike);
        assertEquals("JPEGImages/motorcycle_left.png,JPEGImages/motorcycle_right.png,14,100.25;600,400;120,120;740,390.5;110",
                row, "the target's x on the pixel edge is clamped to the last pixel centre");
        TrainingSetFolder.addPair(folder, document, motorbike);
        List<String> lines = Files.readAllLines(folder.resolve(TrainingSetFolder.CSV_NAME));
        assertEquals(List.of(PointsExport.TRAINING_HEADER, row, row), lines, "a second add appends, the images are reused");
        assertEquals(2, Files.list(folder.resolve("JPEGImages")).count());

        Dataset dataset = DatasetLocator.open(Benchmark.PF_PASCAL, folder, null, "trn");
        assertEquals(2, dataset.pairs().size(), dataset.skipped().toString());
        KeypointPair pair = dataset.pairs().get(0);
        assertEquals("motorbike", pair.category());
        assertArrayEquals(new double[] {100.25, 600}, pair.sourceX(), 1e-4);
        assertArrayEquals(new double[] {390.5, 110}, pair.targetY(), 1e-4);
        assertEquals(folder.resolve("JPEGImages/motorcycle_right.png").toRealPath(), pair.targetImage().toRealPath());
    }
}
