package org.learningsa.studio.ui.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.learningsa.studio.apps.style.PatchStyleTransfer;
import org.learningsa.studio.apps.style.StyleMethod;
import org.learningsa.studio.apps.style.StyleSettings;
import org.learningsa.studio.apps.style.StyleTransfer;
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
