package org.learningsa.studio.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.LearningSaAligner;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.Dataset;
import org.learningsa.studio.data.KeypointPair;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.LearningSaWeights;

/**
 * An evaluation encodes each image once even when the pairs that share it are far apart: seven images in
 * (a,b), (c,d), (e,f), (g,a). With the interactive cache of six images alone, a would be evicted before its
 * second pair and encoded twice (8 encodings); kept from its first to its last pair it is encoded once.
 */
class EachImageEncodedOnceTest {

    private static final EvaluationSettings SETTINGS = new EvaluationSettings(Benchmark.PF_PASCAL, ThresholdKind.IMAGE_SIZE,
            Mapping.PAPER, EvaluationSettings.PAPER_ALPHAS);

    @TempDir
    Path dir;

    private List<KeypointPair> pairsSharingImageAFarApart() throws IOException {
        String[][] names = {{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g", "a"}};
        Random random = new Random(7);
        for (String name : List.of("a", "b", "c", "d", "e", "f", "g")) {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 64; x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
        }
        List<KeypointPair> pairs = new ArrayList<>();
        double[] xs = {10, 30, 50};
        double[] ys = {10, 24, 40};
        for (String[] pair : names) {
            pairs.add(new KeypointPair(pair[0] + "-" + pair[1], pair[0] + ".png", pair[1] + ".png",
                    dir.resolve(pair[0] + ".png"), dir.resolve(pair[1] + ".png"), "noise", null, xs, ys, xs, ys, null, 64));
        }
        return pairs;
    }

    @Test
    void theRunnerSaysHowManyImagesAreInUseAndWhenEachIsDone() throws IOException {
        List<KeypointPair> pairs = pairsSharingImageAFarApart();
        List<Integer> expected = new ArrayList<>();
        List<Set<String>> doneAfterPair = new ArrayList<>();
        PairMatcher recording = new PairMatcher() {
            @Override
            public String modelName() {
                return "recording";
            }

            @Override
            public PairCorrespondence align(Path source, Path target, ProgressListener progress, CancelToken cancel) {
                doneAfterPair.add(new HashSet<>());
                return KnownCorrespondence.identity(64, 48);
            }

            @Override
            public void expectImagesInUse(int images) {
                expected.add(images);
            }

            @Override
            public void imageDone(Path image) {
                doneAfterPair.get(doneAfterPair.size() - 1).add(image.getFileName().toString());
            }
        };
        Dataset dataset = new Dataset(Benchmark.PF_PASCAL, "noise", dir.resolve("pairs.csv"), pairs, List.of());
        EvaluationReport report = new EvaluationRunner(recording, SETTINGS)
                .run(dataset, 0, ProgressListener.NONE, CancelToken.NEVER, r -> { }, false);
        // a stays in use from pair 1 to pair 4; at pair 2 a, c, d are in use
        assertEquals(List.of(3), expected);
        assertEquals(List.of(Set.of("b.png"), Set.of("c.png", "d.png"), Set.of("e.png", "f.png"), Set.of("g.png", "a.png")),
                doneAfterPair);
        assertEquals(-1, report.images().encoded(), "a matcher without an encoder reports no count");
    }

    @Test
    void eachImageIsEncodedOnceAlthoughItsPairsAreFarApart() throws IOException {
        List<KeypointPair> pairs = pairsSharingImageAFarApart();
        EngineRuntime.start(DeviceChoice.CPU);
        Dataset dataset = new Dataset(Benchmark.PF_PASCAL, "noise", dir.resolve("pairs.csv"), pairs, List.of());
        List<String> stages = new ArrayList<>();
        long start = System.nanoTime();
        EvaluationReport report;
        try (PairMatcher matcher = AlignerPairMatcher.owning(new LearningSaAligner(
                new LearningSaNetwork(LearningSaWeights.hashed(Device.cpu())), "LearningSA (hashed weights)", false))) {
            report = new EvaluationRunner(matcher, SETTINGS)
                    .run(dataset, 0, (stage, fraction) -> stages.add(stage), CancelToken.NEVER, r -> { }, false);
        }
        System.out.printf("4 pairs, 7 images: %d encodings in %.1f s%n", report.images().encoded(),
                (System.nanoTime() - start) / 1e9);
        assertEquals(4, report.results().size(), report.skipped().toString());
        assertEquals(7, report.images().distinct());
        assertEquals(7, report.images().encoded(), "each of the 7 images encoded exactly once");
        assertEquals("done, 7 of 7 images encoded", stages.get(stages.size() - 1));
        assertTrue(ReportWriter.toJson(report).get("images_encoded").asInt() == 7);
    }
}
