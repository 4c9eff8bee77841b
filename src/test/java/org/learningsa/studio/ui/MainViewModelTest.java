package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.CancelledException;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.pair.DisplayViewModel;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/** The main view model without a window: tasks run at once on the test thread. */
class MainViewModelTest {

    private final List<SamplePair> samples = SamplePairs.installed();
    private final SyntheticAligner aligner = new SyntheticAligner();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private StudioPreferences preferences;

    @BeforeEach
    void cleanPreferences() {
        preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/viewmodel"));
        preferences.clear();
    }

    private MainViewModel viewModel(AlignerCatalog catalog) {
        assumeTrue(samples.size() >= 2, "needs the sample pairs in assets/samples");
        return new MainViewModel(samples, catalog, new ImmediateTaskRunner(), dialogs, preferences);
    }

    private AlignerCatalog catalogOf(Aligner defaultAligner) {
        return new AlignerCatalog() {
            @Override
            public List<ModelChoice> available() {
                return List.of(ModelChoice.weightFreeDefault());
            }

            @Override
            public Aligner load(ModelChoice choice, ProgressListener progress, CancelToken cancel) {
                if (choice.isDefault()) {
                    return defaultAligner;
                }
                throw new UserFacingException(choice.checkpoint() + " is not a PyTorch checkpoint (no zip or pickle "
                        + "header). Download it again.");
            }
        };
    }

    @Test
    void opensTheFirstSamplePairAndDecodesBothImages() {
        MainViewModel vm = viewModel(catalogOf(aligner));
        assertEquals(samples.get(0).source(), vm.sourcePathProperty().get());
        assertNotNull(vm.sourcePixelsProperty().get());
        assertNotNull(vm.targetPixelsProperty().get());
        assertTrue(vm.modelStatusProperty().get().contains("Weight-free default"));
    }

    @Test
    void runShowsTheAlignmentAndCachesItPerModelAndPair() {
        MainViewModel vm = viewModel(catalogOf(aligner));
        vm.run();
        Alignment first = vm.alignmentProperty().get();
        assertNotNull(first, "a run with the default model shows its alignment");
        assertEquals(1, aligner.runs.get());
        assertTrue(vm.inferenceStatusProperty().get().startsWith("Last run:"), vm.inferenceStatusProperty().get());

        vm.run();
        assertEquals(1, aligner.runs.get(), "running the same pair and model again uses the cache");
        vm.openSample(samples.get(1));
        assertNull(vm.alignmentProperty().get(), "another pair has no result until it is run");
        vm.run();
        assertEquals(2, aligner.runs.get());
        vm.openSample(samples.get(0));
        assertSame(first, vm.alignmentProperty().get(), "going back to a pair shows its cached result at once");
        assertEquals(2, aligner.runs.get());
    }

    @Test
    void changingReadoutConfidenceColoursOrFiltersNeverRunsTheModelAgain() {
        MainViewModel vm = viewModel(catalogOf(aligner));
        DisplayViewModel display = new DisplayViewModel(preferences);
        display.alignmentProperty().bind(vm.alignmentProperty());
        vm.run();
        for (Readout readout : Readout.values()) {
            display.readoutProperty().set(readout);
        }
        display.confidenceKindProperty().set(org.learningsa.studio.align.ConfidenceKind.LEVEL_WEIGHT);
        display.colorMapProperty().set(org.learningsa.studio.ui.view.ColorMap.MAGMA);
        display.topNProperty().set(10);
        display.minConfidenceProperty().set(0.5);
        assertEquals(1, aligner.runs.get());
        assertNotNull(display.visibleMatchesProperty().get());
    }

    @Test
    void swappingMakesANewPair() {
        MainViewModel vm = viewModel(catalogOf(aligner));
        Path source = vm.sourcePathProperty().get();
        Path target = vm.targetPathProperty().get();
        vm.run();
        vm.swap();
        assertEquals(target, vm.sourcePathProperty().get());
        assertEquals(source, vm.targetPathProperty().get());
        assertNull(vm.alignmentProperty().get());
        vm.run();
        assertEquals(2, aligner.runs.get());
        assertEquals(target.getFileName().toString(), vm.alignmentProperty().get().source().displayName());
    }

    @Test
    void aFailedRunIsAnErrorNotificationWithTheUsersMessage() {
        Aligner failing = new SyntheticAligner() {
            @Override
            public Alignment align(DecodedImage s, DecodedImage t, ProgressListener p, CancelToken c) {
                throw new UserFacingException("dog.jpg is too small to align (8×8 pixels)");
            }
        };
        MainViewModel vm = viewModel(catalogOf(failing));
        vm.run();
        assertNull(vm.alignmentProperty().get());
        assertFalse(vm.runningProperty().get(), "the app is ready for the next run");
        assertEquals(1, dialogs.errors().size());
        assertEquals("dog.jpg is too small to align (8×8 pixels)", dialogs.errors().get(0).message());
    }

    @Test
    void anUnexpectedErrorIsExplainedWithoutAStackTrace() {
        Aligner broken = new SyntheticAligner() {
            @Override
            public Alignment align(DecodedImage s, DecodedImage t, ProgressListener p, CancelToken c) {
                throw new IllegalStateException("native buffer exhausted", new ArithmeticException("overflow"));
            }
        };
        MainViewModel vm = viewModel(catalogOf(broken));
        vm.run();
        Notification error = dialogs.errors().get(0);
        assertTrue(error.message().contains("native buffer exhausted"), error.message());
        assertTrue(error.details().contains("caused by ArithmeticException: overflow"), error.details());
        assertFalse(error.details().contains("\tat "), "details never hold stack frames");
    }

    @Test
    void aCancelledRunChangesNothingAndSaysSo() {
        Aligner cancelled = new SyntheticAligner() {
            @Override
            public Alignment align(DecodedImage s, DecodedImage t, ProgressListener p, CancelToken c) {
                throw new CancelledException();
            }
        };
        MainViewModel vm = viewModel(catalogOf(cancelled));
        vm.run();
        assertNull(vm.alignmentProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(dialogs.errors().isEmpty(), "cancelling is not an error");
        assertEquals(Notification.Severity.INFO, dialogs.last().severity());
    }

    @Test
    void aRejectedCheckpointIsExplainedAndThePreviousModelStays(@TempDir Path dir) throws Exception {
        Path garbage = Files.write(dir.resolve("broken.pt"), new byte[] {1, 2, 3, 4, 5});
        MainViewModel vm = viewModel(catalogOf(aligner));
        ModelChoice before = vm.selectedModelProperty().get();
        dialogs.fileToOpen = garbage;
        vm.chooseCheckpoint();
        assertEquals(before, vm.selectedModelProperty().get());
        assertEquals(1, vm.models().size(), "a rejected checkpoint is not offered");
        Notification error = dialogs.errors().get(0);
        assertTrue(error.title().contains("broken.pt"), error.title());
        assertTrue(error.message().contains("broken.pt"), "the message names the file: " + error.message());
        vm.run();
        assertNotNull(vm.alignmentProperty().get(), "the app keeps working with the previous model");
    }

    @Test
    void anAcceptedCheckpointIsOfferedOnceAndSelected(@TempDir Path dir) throws Exception {
        Path good = Files.write(dir.resolve("mine.pt"), new byte[] {1});
        SyntheticAligner checkpointAligner = new SyntheticAligner();
        MainViewModel vm = viewModel(new AlignerCatalog() {
            @Override
            public List<ModelChoice> available() {
                return List.of(ModelChoice.weightFreeDefault(), ModelChoice.checkpoint(good));
            }

            @Override
            public Aligner load(ModelChoice choice, ProgressListener progress, CancelToken cancel) {
                return choice.isDefault() ? aligner : checkpointAligner;
            }
        });
        vm.openCheckpoint(good);
        vm.refreshModels();
        assertEquals(2, vm.models().size(), "the opened checkpoint is listed once");
        assertEquals(good.toAbsolutePath().normalize(), vm.selectedModelProperty().get().checkpoint());
        vm.run();
        assertEquals(1, checkpointAligner.runs.get(), "the run uses the selected checkpoint");
        assertEquals(0, aligner.runs.get());
    }

    @Test
    void rememberedFilesAreOfferedNewestFirstAndSurviveARestart() {
        MainViewModel vm = viewModel(catalogOf(aligner));
        vm.openSource(samples.get(1).source());
        vm.openTarget(samples.get(1).target());
        assertEquals(samples.get(1).target().toAbsolutePath().normalize(), vm.recentFiles().get(0));
        MainViewModel restarted = viewModel(catalogOf(aligner));
        assertEquals(2, restarted.recentFiles().size());
        assertEquals(samples.get(1).source().toAbsolutePath().getParent(), preferences.lastFolder().orElseThrow());
    }

    @Test
    void aFailedOpenLeavesThePairItsResultAndRecentFilesAsTheyWere(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[4096];
        new java.util.Random(10).nextBytes(noise);
        Path fake = Files.write(dir.resolve("fake.jpg"), noise);
        MainViewModel vm = viewModel(catalogOf(aligner));
        vm.run();
        Path source = vm.sourcePathProperty().get();
        Path target = vm.targetPathProperty().get();
        var sourcePixels = vm.sourcePixelsProperty().get();
        var targetPixels = vm.targetPixelsProperty().get();
        Alignment result = vm.alignmentProperty().get();
        List<Path> recent = List.copyOf(vm.recentFiles());

        vm.openSource(fake);
        vm.openTarget(fake);

        assertEquals(2, dialogs.errors().size(), "each failed open is explained");
        assertTrue(dialogs.errors().get(0).title().contains("fake.jpg"), dialogs.errors().get(0).title());
        assertEquals(source, vm.sourcePathProperty().get(), "the source stays");
        assertEquals(target, vm.targetPathProperty().get(), "the target stays");
        assertSame(sourcePixels, vm.sourcePixelsProperty().get(), "the source image stays shown");
        assertSame(targetPixels, vm.targetPixelsProperty().get(), "the target image stays shown");
        assertSame(result, vm.alignmentProperty().get(), "the result stays shown");
        assertEquals(recent, vm.recentFiles(), "a file that cannot be opened is not recent");
        assertFalse(preferences.recentFiles().contains(fake.toAbsolutePath().normalize()));
        vm.run();
        assertEquals(1, aligner.runs.get(), "Run still shows the cached result of the intact pair");
        assertTrue(dialogs.errors().size() == 2, "and does not fail");
    }

    @Test
    void theLastRunTimeIsNotShownForAnotherPair() {
        MainViewModel vm = viewModel(catalogOf(aligner));
        vm.run();
        assertTrue(vm.inferenceStatusProperty().get().startsWith("Last run:"), vm.inferenceStatusProperty().get());
        vm.openSample(samples.get(1));
        assertEquals("Not run yet", vm.inferenceStatusProperty().get(), "a new pair has not been run");
        vm.openSample(samples.get(0));
        assertTrue(vm.inferenceStatusProperty().get().startsWith("Cached result"), vm.inferenceStatusProperty().get());
    }

    @Test
    void theChosenModelIsRemembered() {
        MainViewModel vm = viewModel(catalogOf(aligner));
        assertEquals(ModelChoice.DEFAULT_ID, preferences.get("model", ""));
        assertEquals(Readout.FUSED, new DisplayViewModel(preferences).readoutProperty().get());
        assertNotNull(vm.selectedModelProperty().get());
    }

    private static ReferencePoints groundTruth(SamplePair pair) {
        return new ReferencePoints(pair.source(), pair.target(), "ground truth of a test row", List.of(
                new ReferencePoints.Point(1, new org.learningsa.studio.align.PixelPoint(10, 20),
                        new org.learningsa.studio.align.PixelPoint(30, 40)),
                new ReferencePoints.Point(2, new org.learningsa.studio.align.PixelPoint(50, 60),
                        new org.learningsa.studio.align.PixelPoint(70, 80))));
    }

    @Test
    void anEvaluatedPairOpensWithItsModelItsResultAndItsKeypointsWithoutRunningAgain() {
        MainViewModel vm = viewModel(catalogOf(aligner));
        SamplePair pair = samples.get(1);
        Alignment evaluated = aligner.align(pair.source(), pair.target(), (stage, fraction) -> { }, CancelToken.NEVER);
        ModelChoice finetuned = ModelChoice.checkpoint(Path.of("weights/not-listed-finetuned.pt"));
        vm.openPair(new PairToOpen(pair.source(), pair.target(), finetuned, evaluated, groundTruth(pair)));

        assertEquals(pair.source(), vm.sourcePathProperty().get());
        assertEquals(pair.target(), vm.targetPathProperty().get());
        assertEquals(finetuned.id(), vm.selectedModelProperty().get().id(), "the evaluated model is selected");
        assertTrue(vm.models().stream().anyMatch(m -> m.id().equals(finetuned.id())), "and listed in the selector");
        assertSame(evaluated, vm.alignmentProperty().get(), "the evaluation's own result is shown");
        assertEquals(1, aligner.runs.get(), "nothing was aligned again (the one run made the evaluated result)");
        assertEquals(2, vm.referencePointsProperty().get().points().size(), "the evaluation's keypoints are shown");

        vm.openSample(samples.get(0));
        assertNull(vm.referencePointsProperty().get(), "another pair does not show them");
    }

    @Test
    void anEvaluatedPairWhoseResultWasNotKeptIsAlignedInTheBackground() {
        MainViewModel vm = viewModel(catalogOf(aligner));
        SamplePair pair = samples.get(1);
        vm.openPair(new PairToOpen(pair.source(), pair.target(), ModelChoice.weightFreeDefault(), null, groundTruth(pair)));
        assertEquals(1, aligner.runs.get(), "aligned once, through the task runner");
        assertNotNull(vm.alignmentProperty().get());
        assertEquals(pair.target(), vm.targetPathProperty().get());
        assertNotNull(vm.referencePointsProperty().get());
    }

    /** A JPEG of {@code size}² noise-free gradient pixels, cut to half its bytes as a broken download is. */
    static Path truncatedJpeg(Path folder, String name) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(200, 160, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, (x << 16) | (y << 8) | ((x * y) & 0xff));
            }
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", bytes);
        byte[] whole = bytes.toByteArray();
        Path file = folder.resolve(name);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        return file;
    }

    @Test
    void aDamagedImageIsNamedAndTheUserKeepsThePreviousImageOrUsesItAnyway(@TempDir Path folder) throws Exception {
        MainViewModel vm = viewModel(catalogOf(aligner));
        Path before = vm.sourcePathProperty().get();
        var pixelsBefore = vm.sourcePixelsProperty().get();
        Path damaged = truncatedJpeg(folder, "cut-short.jpg");

        vm.openSource(damaged);
        Notification warning = dialogs.last();
        assertEquals(Notification.Severity.WARNING, warning.severity());
        assertTrue(warning.title().contains("cut-short.jpg"), warning.title());
        assertTrue(warning.message().toLowerCase(java.util.Locale.ROOT).contains("premature end of data"),
                "says what is missing: " + warning.message());
        assertEquals(List.of(MainViewModel.KEEP_PREVIOUS, MainViewModel.USE_ANYWAY),
                warning.actions().stream().map(Notification.Action::label).toList());
        assertEquals(before, vm.sourcePathProperty().get(), "nothing is replaced until the user answers");
        assertSame(pixelsBefore, vm.sourcePixelsProperty().get());

        warning.actions().get(0).run().run();
        assertEquals(before, vm.sourcePathProperty().get(), "Keep the previous image keeps it");
        assertFalse(vm.recentFiles().contains(damaged.toAbsolutePath().normalize()));

        vm.openSource(damaged);
        dialogs.last().actions().get(1).run().run();
        assertEquals(damaged, vm.sourcePathProperty().get(), "Use it anyway shows the damaged file");
        assertEquals(200, vm.sourcePixelsProperty().get().width());
    }
}
