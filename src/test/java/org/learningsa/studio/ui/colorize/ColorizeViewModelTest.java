package org.learningsa.studio.ui.colorize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.apps.colorize.Colorizer;
import org.learningsa.studio.apps.style.LabImage;
import org.learningsa.studio.editing.CorrectedCorrespondence;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.UserPoint;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.SyntheticAligner;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.style.SavingDialogs;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/** The colorize view model without a window: live user points, waiting for the right alignment, full-size export. */
class ColorizeViewModelTest {

    private final SavingDialogs dialogs = new SavingDialogs(null);

    @Test
    void aPointAddedInTheEditorReColoursItsRegionLive() {
        int w = 128;
        int h = 128;
        // input: a brighter disc at (40, 64); exemplar: a blue disc at the same place, a red one at (88, 64)
        byte[] in = new byte[w * h * 3];
        byte[] ex = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                int v = Math.hypot(x - 40, y - 64) < 10 ? 160 : 90;
                in[i] = in[i + 1] = in[i + 2] = (byte) v;
                int[] c = Math.hypot(x - 40, y - 64) < 10 ? new int[] {100, 150, 255}
                        : Math.hypot(x - 88, y - 64) < 10 ? new int[] {255, 110, 110} : new int[] {90, 90, 90};
                ex[i] = (byte) c[0];
                ex[i + 1] = (byte) c[1];
                ex[i + 2] = (byte) c[2];
            }
        }
        List<UserPoint> editorPoints = new ArrayList<>();
        ColorizeViewModel viewModel = new ColorizeViewModel(new ImmediateTaskRunner(), dialogs);
        // as ColorizeWindows wires the editor: its current points over the network's correspondence
        viewModel.setCorrespondences((alignment, readout) -> editorPoints.isEmpty()
                ? new NetworkCorrespondence(alignment, readout)
                : CorrectedCorrespondence.of(new NetworkCorrespondence(alignment, readout), List.copyOf(editorPoints), false));
        viewModel.sourcePixelsProperty().set(new RgbImage(w, h, in));
        viewModel.targetPixelsProperty().set(new RgbImage(w, h, ex));
        viewModel.alignmentProperty().set(identity(w, h));
        int centre = 64 * w + 40;
        LabImage before = LabImage.fromRgb(viewModel.resultProperty().get());
        assertTrue(before.b()[centre] < -15, "through the identity the disc is blue: b = " + before.b()[centre]);
        editorPoints.add(new UserPoint("p0", "", new PixelPoint(40, 64), new PixelPoint(88, 64), Origin.USER, false));
        viewModel.correspondenceChanged();
        LabImage after = LabImage.fromRgb(viewModel.resultProperty().get());
        assertTrue(after.a()[centre] > 15 && after.b()[centre] > -5,
                "the point makes it red: a = " + after.a()[centre] + ", b = " + after.b()[centre]);
    }

    @Test
    void waitsForAnAlignmentOfThisPairAndExportsAtFullSize(@TempDir Path folder) {
        RgbImage colour = stripes(1500, 1000);
        RgbImage grey = ColorizeViewTest.lightnessOnly(colour);
        ColorizeViewModel viewModel = new ColorizeViewModel(new ImmediateTaskRunner(), dialogs);
        viewModel.sourcePixelsProperty().set(grey);
        viewModel.targetPixelsProperty().set(colour);
        viewModel.alignmentProperty().set(identity(90, 60));
        assertNull(viewModel.resultProperty().get(), "an alignment of other images is not used");
        assertTrue(viewModel.statusProperty().get().startsWith("Waiting"), viewModel.statusProperty().get());
        Alignment alignment = identity(1500, 1000);
        viewModel.alignmentProperty().set(alignment);
        assertEquals(ColorizeViewModel.PREVIEW_SIDE, viewModel.resultProperty().get().width());

        Path png = folder.resolve("full.png");
        viewModel.exportResult(png);
        assertTrue(dialogs.notifications.stream().allMatch(n -> n.severity() == Notification.Severity.INFO),
                dialogs.notifications.toString());
        Correspondence network = new NetworkCorrespondence(alignment, Readout.FUSED);
        RgbImage expected = Colorizer.colorize(network, Direction.SOURCE_TO_TARGET, grey, colour, 1);
        assertArrayEquals(expected.rgb(), ImageDecoder.decode(png).rgb(), "the export is the full-size colorization");
    }

    private static Alignment identity(int width, int height) {
        ImageRef ref = new ImageRef(null, width, height);
        return Alignment.fromOutputs(ref, ref, "synthetic", false, SyntheticAligner.outputs()::get);
    }

    private static RgbImage stripes(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                int shade = (x / 70 + y / 50) % 2 == 0 ? 60 : 180;
                rgb[i] = (byte) shade;
                rgb[i + 1] = (byte) (x < width / 2 ? shade / 3 : shade);
                rgb[i + 2] = (byte) (x < width / 2 ? 40 : 220);
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
