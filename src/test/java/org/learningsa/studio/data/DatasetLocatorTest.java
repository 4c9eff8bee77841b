package org.learningsa.studio.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.UserFacingException;

class DatasetLocatorTest {

    @TempDir
    Path dir;

    @Test
    void readsLearningSaPascalLayoutFromTheRepositoryRootOrItsDataFolder() {
        List<BenchmarkFolders.GeneratedPair> generated = BenchmarkFolders.writePascal(dir, 2);
        for (Path folder : List.of(dir, dir.resolve("data"))) {
            Dataset dataset = DatasetLocator.open(Benchmark.PF_PASCAL, folder, null, null);
            assertEquals(2, dataset.pairs().size(), dataset.skipped().toString());
            KeypointPair first = dataset.pairs().get(0);
            assertEquals("dog", first.category(), "class id 12 is VOC's dog");
            assertEquals("horse", dataset.pairs().get(1).category());
            assertEquals(120.0, first.boundingBoxSide(), 0.0);
            assertEquals(6, first.keypointCount());
            assertTrue(Files.isRegularFile(first.sourceImage()));
            assertEquals(dir.resolve("data/PF_Pascal/JPEGImages/2009_000001.jpg").toAbsolutePath(), first.targetImage());
            // coordinates as float32 like the reference's tensors (written with 2 decimals)
            assertEquals((float) Double.parseDouble(String.format(java.util.Locale.ROOT, "%.2f", generated.get(0).targetX()[0])),
                    first.targetX()[0], 0.0);
            assertTrue(dataset.description().contains("bbox_test_pairs_pf_pascal.csv"), dataset.description());
        }
    }

    @Test
    void reportsEachRowWithAMissingImageAndKeepsTheOthers() throws IOException {
        BenchmarkFolders.writePascal(dir, 3);
        Files.delete(dir.resolve("data/PF_Pascal/JPEGImages/2009_000003.jpg"));
        Dataset dataset = DatasetLocator.open(Benchmark.PF_PASCAL, dir, null, null);
        assertEquals(2, dataset.pairs().size());
        assertEquals(1, dataset.skipped().size());
        SkippedPair skipped = dataset.skipped().get(0);
        assertEquals("bbox_test_pairs_pf_pascal.csv line 3", skipped.where(), "header is line 1, the second pair line 3");
        assertTrue(skipped.reason().startsWith("image B not found: "), skipped.reason());
        assertTrue(skipped.reason().contains("2009_000003.jpg"), skipped.reason());
    }

    @Test
    void wrongFolderMessageListsWhatWasExpectedAndWhatIsMissing() {
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> DatasetLocator.open(Benchmark.PF_PASCAL, dir, null, null));
        assertTrue(e.getMessage().contains("Expected bbox_test_pairs_pf_pascal.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("Missing: bbox_test_pairs_pf_pascal.csv, PF_Pascal/"), e.getMessage());

        UserFacingException spair = assertThrows(UserFacingException.class,
                () -> DatasetLocator.open(Benchmark.SPAIR, dir, null, "test"));
        assertTrue(spair.getMessage().contains("Missing: PairAnnotation/test/, JPEGImages/"), spair.getMessage());

        UserFacingException willow = assertThrows(UserFacingException.class,
                () -> DatasetLocator.open(Benchmark.PF_WILLOW, dir, null, null));
        assertTrue(willow.getMessage().contains("bbox_test_pairs_pf.csv or test_pairs.csv"), willow.getMessage());
        assertTrue(willow.getMessage().contains("PF-dataset/"), willow.getMessage());
    }

    @Test
    void malformedRowIsSkippedWithTheReason() {
        BenchmarkFolders.writePascal(dir, 1);
        Path csv = dir.resolve("data/bbox_test_pairs_pf_pascal.csv");
        String text = readString(csv) + "JPEGImages/2009_000000.jpg,JPEGImages/2009_000001.jpg,12,1;2;3,1;2,1;2,1;2,100\n";
        BenchmarkFolders.writeText(csv, text);
        Dataset dataset = DatasetLocator.open(Benchmark.PF_PASCAL, dir, null, null);
        assertEquals(1, dataset.pairs().size());
        assertEquals("bbox_test_pairs_pf_pascal.csv line 3", dataset.skipped().get(0).where());
        assertTrue(dataset.skipped().get(0).reason().contains("differ in length"), dataset.skipped().get(0).reason());
    }

    @Test
    void readsLearningSaWillowCsvWithClassFromTheImageFolder() {
        Path images = dir.resolve("data/PF-dataset/car(G)");
        BenchmarkFolders.GeneratedPair p = BenchmarkFolders.writePair(images, "dog.jpg", "car_0001.png", "car_0002.png",
                80, 60, 1.0, 0, 0);
        BenchmarkFolders.writeText(dir.resolve("data/bbox_test_pairs_pf.csv"),
                "imageA,imageB,class,XA,YA,XB,YB\ncar(G)/car_0001.png,car(G)/car_0002.png,2," + p.join(p.sourceX()) + ","
                        + p.join(p.sourceY()) + "," + p.join(p.targetX()) + "," + p.join(p.targetY()) + "\n");
        Dataset dataset = DatasetLocator.open(Benchmark.PF_WILLOW, dir, null, null);
        assertEquals(1, dataset.pairs().size(), dataset.skipped().toString());
        assertEquals("car(G)", dataset.pairs().get(0).category());
        assertTrue(Double.isNaN(dataset.pairs().get(0).boundingBoxSide()), "the 7-column file has no L_pck");
    }

    @Test
    void readsWeakalignWillowFortyTwoColumnCsv() {
        Path images = dir.resolve("PF-dataset/duck(S)");
        BenchmarkFolders.writePair(images, "apple.jpg", "duck_0001.png", "duck_0002.png", 60, 50, 1.0, 0, 0);
        StringBuilder header = new StringBuilder("imageA,imageB");
        StringBuilder row = new StringBuilder("PF-dataset/duck(S)/duck_0001.png,PF-dataset/duck(S)/duck_0002.png");
        for (String list : List.of("XA", "YA", "XB", "YB")) {
            for (int k = 1; k <= 10; k++) {
                header.append(',').append(list).append(k);
                row.append(',').append(list.startsWith("X") ? 3 * k : 2 * k + (list.endsWith("B") ? 1 : 0));
            }
        }
        BenchmarkFolders.writeText(dir.resolve("test_pairs.csv"), header + "\n" + row + "\n");
        Dataset dataset = DatasetLocator.open(Benchmark.PF_WILLOW, dir, null, null);
        assertEquals(1, dataset.pairs().size(), dataset.skipped().toString());
        KeypointPair pair = dataset.pairs().get(0);
        assertEquals("duck(S)", pair.category());
        assertEquals(10, pair.keypointCount());
        assertEquals(30.0, pair.sourceX()[9], 0.0);
        assertEquals(21.0, pair.targetY()[9], 0.0);
        assertTrue(dataset.description().contains("42-column"), dataset.description());
    }

    @Test
    void readsSpairJsonInLayoutOrderAndUsesTheTargetBoxForL() {
        Path root = dir.resolve("SPair-71k");
        BenchmarkFolders.writePair(root.resolve("JPEGImages/cat"), "chelsea.png", "2008_000001.jpg", "2008_000002.jpg",
                90, 70, 1.0, 0, 0);
        String name = "000001-2008_000001-2008_000002:cat";
        BenchmarkFolders.writeText(root.resolve("PairAnnotation/test/" + name + ".json"), """
                {"src_imname": "2008_000001.jpg", "trg_imname": "2008_000002.jpg", "category": "cat",
                 "src_kps": [[10, 20], [30, 40]], "trg_kps": [[11, 21], [31, 41]], "kps_ids": ["3", "7"],
                 "src_bndbox": [0, 0, 50, 60], "trg_bndbox": [5, 10, 45, 80],
                 "viewpoint_variation": 0, "scale_variation": 1, "truncation": 0, "occlusion": 0}
                """);
        BenchmarkFolders.writeText(root.resolve("Layout/large/test.txt"), name + "\n000002-2008_000003-2008_000004:cat\n");
        Dataset dataset = DatasetLocator.open(Benchmark.SPAIR, dir, null, "test");
        assertEquals(1, dataset.pairs().size());
        KeypointPair pair = dataset.pairs().get(0);
        assertEquals(70.0, pair.boundingBoxSide(), 0.0, "max(45 - 5, 80 - 10) of trg_bndbox");
        assertEquals(7, pair.keypointId(1));
        assertEquals(java.util.Map.of("occlusion", 0, "scale_variation", 1, "truncation", 0, "viewpoint_variation", 0),
                pair.difficulty());
        assertEquals(31.0, pair.targetX()[1], 0.0);
        assertEquals(1, dataset.skipped().size(), "the second layout entry has no annotation file");
        assertTrue(dataset.skipped().get(0).reason().contains("not found"), dataset.skipped().get(0).reason());
    }

    @Test
    void readsCrodomCsvWithADomainColumn() {
        BenchmarkFolders.GeneratedPair p = BenchmarkFolders.writePair(dir.resolve("images"), "person.jpg", "photo_1.jpg",
                "painting_1.jpg", 70, 90, 1.0, 0, 0);
        BenchmarkFolders.writeText(dir.resolve("crodom_test_pairs.csv"),
                "source_image,target_image,class,XA,YA,XB,YB,domain\nimages/photo_1.jpg,images/painting_1.jpg,person,"
                        + p.join(p.sourceX()) + "," + p.join(p.sourceY()) + "," + p.join(p.targetX()) + ","
                        + p.join(p.targetY()) + ",photo-painting\n");
        Dataset dataset = DatasetLocator.open(Benchmark.CRODOM, dir, null, null);
        KeypointPair pair = dataset.pairs().get(0);
        assertEquals("photo-painting", pair.domain());
        assertEquals("person", pair.category());
        assertTrue(Double.isNaN(pair.boundingBoxSide()), "column 7 is the domain, not L_pck");
    }

    @Test
    void explicitCsvIsReadWithTheFolderAsImageRoot() {
        BenchmarkFolders.writePascal(dir, 1);
        Dataset dataset = DatasetLocator.open(Benchmark.PF_PASCAL, dir.resolve("data/PF_Pascal"),
                dir.resolve("data/bbox_test_pairs_pf_pascal.csv"), null);
        assertEquals(1, dataset.pairs().size());
        assertNull(dataset.pairs().get(0).domain());
    }

    @Test
    void trainingCsvWithoutLpckIsDescribedAsTheSevenColumnLayoutItIs() {
        Path fixture = Path.of(System.getProperty("lsa.project", ".")).resolve("src/test/resources/train-fixture");
        Dataset dataset = DatasetLocator.open(Benchmark.PF_PASCAL, fixture, fixture.resolve("train_pairs.csv"), "trn");
        assertEquals(2, dataset.pairs().size());
        assertTrue(dataset.description().contains("7-column"), dataset.description());
        assertTrue(!dataset.description().contains("8-column"), dataset.description());
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
