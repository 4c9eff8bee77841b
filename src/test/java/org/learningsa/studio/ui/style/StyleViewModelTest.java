package org.learningsa.studio.ui.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.apps.style.PatchSettings;
import org.learningsa.studio.apps.style.PatchStyleTransfer;
import org.learningsa.studio.apps.style.StyleMethod;
import org.learningsa.studio.apps.style.StyleSettings;
import org.learningsa.studio.apps.style.StyleTransfer;
import org.learningsa.studio.export.StyleImages;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.SyntheticAligner;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/** The style view model without a window: preview size, full-size export, waiting for the right alignment. */
class StyleViewModelTest {

    private final SavingDialogs dialogs = new SavingDialogs(null);

    @Test
    void previewsALargePhotoSmallerButExportsItAtFullSize(@TempDir Path folder) {
        RgbImage photo = stripes(1500, 1000, 0);
        RgbImage painting = stripes(1500, 1000, 1);
        StyleViewModel viewModel = new StyleViewModel(new ImmediateTaskRunner(), dialogs);
        viewModel.methodProperty().set(StyleMethod.COLOUR);
        viewModel.sourcePixelsProperty().set(photo);
        viewModel.targetPixelsProperty().set(painting);
        Alignment identity = identity(1500, 1000);
        viewModel.alignmentProperty().set(identity);
        RgbImage preview = viewModel.resultProperty().get();
        assertEquals(StyleViewModel.PREVIEW_SIDE, preview.width());
        assertEquals(683, preview.height());

        Path png = folder.resolve("full.png");
        viewModel.exportResult(png);
        assertTrue(dialogs.notifications.stream().allMatch(n -> n.severity() == Notification.Severity.INFO), dialogs.notifications.toString());
        RgbImage exported = ImageDecoder.decode(png);
        RgbImage expected = StyleTransfer.transfer(new NetworkCorrespondence(identity, Readout.FUSED),
                Direction.SOURCE_TO_TARGET, photo, painting, StyleSettings.defaults());
        assertArrayEquals(expected.rgb(), exported.rgb(), "the export is the full-size render of the same settings");
    }

    @Test
    void thePatchMethodShowsAPreviewThenTheFullRenderAndExportsIt(@TempDir Path folder) {
        RgbImage photo = stripes(300, 200, 0);
        RgbImage painting = stripes(300, 200, 1);
        StyleViewModel viewModel = new StyleViewModel(new ImmediateTaskRunner(), dialogs);
        assertEquals(StyleMethod.PATCHES, viewModel.methodProperty().get(), "the default method");
        viewModel.sourcePixelsProperty().set(photo);
        viewModel.targetPixelsProperty().set(painting);
        Alignment identity = identity(300, 200);
        viewModel.alignmentProperty().set(identity);
        // the immediate runner has run the preview and then the full render
        assertTrue(viewModel.statusProperty().get().startsWith("Patches · Full size"), viewModel.statusProperty().get());
        assertFalse(viewModel.fullRenderingProperty().get());
        RgbImage expected = PatchStyleTransfer.transfer(new NetworkCorrespondence(identity, Readout.FUSED),
                Direction.SOURCE_TO_TARGET, photo, painting, viewModel.patchSettings());
        assertArrayEquals(expected.rgb(), viewModel.resultProperty().get().rgb());
        // the painting's colours (and no longer the photo's) make up the result
        assertTrue(Distance.meanAbsolute(viewModel.resultProperty().get(), painting)
                < Distance.meanAbsolute(viewModel.resultProperty().get(), photo));

        Path png = folder.resolve("patches.png");
        viewModel.exportResult(png);
        assertArrayEquals(expected.rgb(), ImageDecoder.decode(png).rgb(), "the export is the full render");
        Path figure = folder.resolve("triptych.png");
        viewModel.exportTriptych(figure);
        assertTrue(Files.isRegularFile(figure));
        assertTrue(dialogs.notifications.stream().allMatch(n -> n.severity() == Notification.Severity.INFO),
                dialogs.notifications.toString());

        viewModel.methodProperty().set(StyleMethod.COLOUR);
        assertTrue(viewModel.statusProperty().get().startsWith("Colour"), viewModel.statusProperty().get());
        viewModel.methodProperty().set(StyleMethod.PATCHES);
        viewModel.strengthProperty().set(0);
        assertArrayEquals(photo.rgb(), viewModel.resultProperty().get().rgb());
    }

    @Test
    void everyPatchSettingReachesTheRenderAndBothExports(@TempDir Path folder) {
        RgbImage photo = stripes(120, 80, 0);
        RgbImage painting = stripes(120, 80, 1);
        StyleViewModel viewModel = new StyleViewModel(new ImmediateTaskRunner(), dialogs);
        viewModel.sourcePixelsProperty().set(photo);
        viewModel.targetPixelsProperty().set(painting);
        Alignment identity = identity(120, 80);
        viewModel.alignmentProperty().set(identity);
        RgbImage byDefault = viewModel.resultProperty().get();

        viewModel.structureWeightProperty().set(2.5);
        viewModel.uniformityProperty().set(0.7);
        viewModel.iterationsProperty().set(2);
        viewModel.levelsProperty().set(2);
        viewModel.seedProperty().set(42);
        viewModel.strengthProperty().set(0.8);
        PatchSettings chosen = new PatchSettings(PatchSettings.DEFAULT_PATCH_SIZE, 2, 2, 2.5, PatchSettings.DEFAULT_PRIOR,
                PatchSettings.DEFAULT_COLOUR, 0.7, 0.8, 42);
        assertEquals(chosen, viewModel.patchSettings());
        RgbImage expected = PatchStyleTransfer.transfer(new NetworkCorrespondence(identity, Readout.FUSED),
                Direction.SOURCE_TO_TARGET, photo, painting, chosen);
        assertArrayEquals(expected.rgb(), viewModel.resultProperty().get().rgb(), "the shown result uses them all");
        assertFalse(java.util.Arrays.equals(byDefault.rgb(), expected.rgb()), "and they change it");

        Path png = folder.resolve("patches.png");
        viewModel.exportResult(png);
        assertArrayEquals(expected.rgb(), ImageDecoder.decode(png).rgb(), "the PNG export renders with them");
        Path figure = folder.resolve("triptych.png");
        viewModel.exportTriptych(figure);
        Path same = folder.resolve("expected-triptych.png");
        StyleImages.writeTriptych(painting, photo, expected, String.format(java.util.Locale.ROOT,
                "%s method, %s, strength %.2f", StyleMethod.PATCHES, new NetworkCorrespondence(identity, Readout.FUSED)
                        .description(), 0.8), same);
        assertArrayEquals(ImageDecoder.decode(same).rgb(), ImageDecoder.decode(figure).rgb(),
                "the triptych shows the result of these settings");
        assertTrue(dialogs.notifications.stream().allMatch(n -> n.severity() == Notification.Severity.INFO),
                dialogs.notifications.toString());
    }

    @Test
    void defaultsRestoreEveryPatchSettingButTheStrengthInOneRender() {
        StyleViewModel viewModel = new StyleViewModel(new ImmediateTaskRunner(), dialogs);
        viewModel.patchSizeProperty().set(11);
        viewModel.priorWeightProperty().set(3);
        viewModel.colourWeightProperty().set(1.5);
        viewModel.structureWeightProperty().set(4);
        viewModel.uniformityProperty().set(1.2);
        viewModel.iterationsProperty().set(9);
        viewModel.levelsProperty().set(5);
        viewModel.seedProperty().set(77);
        viewModel.strengthProperty().set(0.4);
        assertNotEquals(PatchSettings.defaults().withStrength(0.4), viewModel.patchSettings());
        RgbImage photo = stripes(90, 60, 0);
        viewModel.sourcePixelsProperty().set(photo);
        viewModel.targetPixelsProperty().set(stripes(90, 60, 1));
        viewModel.alignmentProperty().set(identity(90, 60));
        RgbImage before = viewModel.resultProperty().get();
        int[] results = {0};
        viewModel.resultProperty().addListener((obs, old, now) -> results[0]++);

        viewModel.restorePatchDefaults();
        assertEquals(PatchSettings.defaults().withStrength(0.4), viewModel.patchSettings());
        assertEquals(2, results[0], "one render of all the defaults (its preview, then its full size), not one per setting");
        RgbImage restored = PatchStyleTransfer.transfer(new NetworkCorrespondence(identity(90, 60), Readout.FUSED),
                Direction.SOURCE_TO_TARGET, photo, stripes(90, 60, 1), PatchSettings.defaults().withStrength(0.4));
        assertArrayEquals(restored.rgb(), viewModel.resultProperty().get().rgb());
        assertTrue(before != viewModel.resultProperty().get());
    }

    @Test
    void allThreeWeightsAtZeroSayWhatToDoInsteadOfFailing() {
        StyleViewModel viewModel = new StyleViewModel(new ImmediateTaskRunner(), dialogs);
        viewModel.sourcePixelsProperty().set(stripes(90, 60, 0));
        viewModel.targetPixelsProperty().set(stripes(90, 60, 1));
        viewModel.alignmentProperty().set(identity(90, 60));
        viewModel.priorWeightProperty().set(0);
        viewModel.colourWeightProperty().set(0);
        viewModel.structureWeightProperty().set(0);
        assertNull(viewModel.resultProperty().get());
        assertEquals("Patch method: the structure, prior and coherence weights cannot all be 0. Raise one of them.",
                viewModel.statusProperty().get());
        assertTrue(dialogs.notifications.isEmpty(), dialogs.notifications.toString());
        viewModel.uniformityProperty().set(0.5);
        assertNull(viewModel.resultProperty().get(), "still none");
        viewModel.structureWeightProperty().set(1);
        assertTrue(viewModel.statusProperty().get().startsWith("Patches · Full size"), viewModel.statusProperty().get());
    }

    @Test
    void aNewSeedIsAnotherDrawOfTheSameSettings() {
        StyleViewModel viewModel = new StyleViewModel(new ImmediateTaskRunner(), dialogs);
        long first = viewModel.seedProperty().get();
        viewModel.drawNewSeed();
        long second = viewModel.seedProperty().get();
        assertNotEquals(first, second);
        assertTrue(second > 0 && second < 1_000_000_000L, "short enough to read and type back: " + second);
        assertEquals(PatchSettings.defaults().withSeed(second), viewModel.patchSettings());
    }

    /** Mean absolute difference per channel. */
    private static final class Distance {
        static double meanAbsolute(RgbImage a, RgbImage b) {
            double sum = 0;
            for (int i = 0; i < a.rgb().length; i++) {
                sum += Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF));
            }
            return sum / a.rgb().length;
        }
    }

    @Test
    void waitsForAnAlignmentOfThisPairAndSwapsRoles() {
        RgbImage photo = stripes(120, 80, 0);
        RgbImage painting = stripes(120, 80, 1);
        StyleViewModel viewModel = new StyleViewModel(new ImmediateTaskRunner(), dialogs);
        viewModel.sourcePixelsProperty().set(photo);
        viewModel.targetPixelsProperty().set(painting);
        viewModel.alignmentProperty().set(identity(90, 60));
        assertNull(viewModel.resultProperty().get(), "an alignment of other images is not used");
        assertTrue(viewModel.statusProperty().get().startsWith("Waiting"), viewModel.statusProperty().get());
        viewModel.alignmentProperty().set(identity(120, 80));
        assertSame(photo, viewModel.inputProperty().get());
        RgbImage styledPhoto = viewModel.resultProperty().get();
        viewModel.swapRoles();
        assertSame(painting, viewModel.inputProperty().get());
        assertSame(photo, viewModel.exemplarProperty().get());
        assertTrue(viewModel.resultProperty().get() != styledPhoto);
        viewModel.strengthProperty().set(0);
        assertArrayEquals(painting.rgb(), viewModel.resultProperty().get().rgb());
    }

    private static Alignment identity(int width, int height) {
        ImageRef ref = new ImageRef(null, width, height);
        return Alignment.fromOutputs(ref, ref, "synthetic", false, SyntheticAligner.outputs()::get);
    }

    private static RgbImage stripes(int width, int height, int variant) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                int shade = (x / 7 + y / 5) % 2 == 0 ? 60 : 180;
                rgb[i] = (byte) (variant == 0 ? shade / 2 : shade);
                rgb[i + 1] = (byte) (variant == 0 ? shade : shade / 3);
                rgb[i + 2] = (byte) (variant == 0 ? 200 : 40);
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
