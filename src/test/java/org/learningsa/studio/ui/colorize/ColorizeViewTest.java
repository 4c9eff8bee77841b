package org.learningsa.studio.ui.colorize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.apps.style.LabImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.SyntheticAligner;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.style.SavingDialogs;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.learningsa.studio.ui.view.ZoomableImagePane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The colorize window as a user drives it: the result appears off the JavaFX thread with the input's
 * lightness and the exemplar's colours, the strength slider re-renders live, roles swap, the mask
 * toggles, zoom is linked, and both exports write files.
 */
@ExtendWith(ApplicationExtension.class)
class ColorizeViewTest {

    private static final int WIDTH = 96;
    private static final int HEIGHT = 72;

    private ColorizeViewModel viewModel;
    private RgbImage grey;
    private RgbImage colour;
    private Path folder;
    private SavingDialogs dialogs;

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory("lsa-colorize-view");
        colour = pattern();
        grey = lightnessOnly(colour);
        dialogs = new SavingDialogs(folder);
        viewModel = new ColorizeViewModel(new FxTaskRunner(), dialogs);
        viewModel.sourcePixelsProperty().set(grey);
        viewModel.targetPixelsProperty().set(colour);
        ImageRef ref = new ImageRef(null, WIDTH, HEIGHT);
        // the synthetic aligner's fused readout is the identity: each grey pixel takes the colour photo's colour there
        viewModel.alignmentProperty().set(Alignment.fromOutputs(ref, ref, "synthetic", false,
                SyntheticAligner.outputs()::get));
        stage.setScene(new Scene(new ColorizeView(viewModel).build(), 1200, 560));
        stage.show();
    }

    @Test
    void coloursTheGreyInputOffTheFxThreadAndFollowsTheStrengthSliderLive(FxRobot robot) throws Exception {
        waitForStatus(robot, "strength 1.00");
        RgbImage full = viewModel.resultProperty().get();
        assertSame(grey, viewModel.inputProperty().get());
        assertEquals(WIDTH, full.width());
        assertTrue(meanChroma(full) > 15, "the exemplar's colours arrived: mean chroma " + meanChroma(full));
        float[] kept = LabImage.fromRgb(full).l();
        float[] wanted = LabImage.fromRgb(grey).l();
        for (int i = 0; i < kept.length; i++) {
            assertEquals(wanted[i], kept[i], 1.0, "lightness at pixel " + i);
        }
        Slider strength = robot.lookup("#colorizeStrength").queryAs(Slider.class);
        // a burst of moves, as a drag produces: only the last value must end up shown
        robot.interact(() -> {
            for (int i = 1; i <= 30; i++) {
                strength.setValue(1 - i / 40.0);
            }
            strength.setValue(0);
        });
        waitForStatus(robot, "strength 0.00");
        assertArrayEquals(grey.rgb(), shownPixels(robot, "#colorizeResultImage").rgb(), "strength 0 shows the input");
        robot.interact(() -> strength.setValue(0.5));
        waitForStatus(robot, "strength 0.50");
        assertEquals(meanChroma(full) / 2, meanChroma(viewModel.resultProperty().get()), 1.5);
        assertEquals("0.50", robot.lookup("#colorizeStrengthValue").queryAs(Label.class).getText());
    }

    @Test
    void swapsRolesTogglesTheMaskLinksZoomAndExports(FxRobot robot) throws Exception {
        waitForStatus(robot, "strength 1.00");
        robot.clickOn("#colorizeMask");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(viewModel.maskProperty().get().rgb(), shownPixels(robot, "#colorizeResultImage").rgb());
        robot.clickOn("#colorizeMask");
        WaitForAsyncUtils.waitForFxEvents();

        ZoomableImagePane input = pane(robot, "#colorizeInputImage");
        ZoomableImagePane result = pane(robot, "#colorizeResultImage");
        double resultScale = result.scaleProperty().get();
        robot.interact(() -> input.zoomAt(2, input.getWidth() / 2, input.getHeight() / 2));
        assertEquals(2 * resultScale, result.scaleProperty().get(), 1e-6, "the result zooms with the input");

        robot.clickOn("#colorizeExport");
        Path png = folder.resolve("colorized.png");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(png) && !dialogs.notifications.isEmpty());
        assertArrayEquals(viewModel.resultProperty().get().rgb(), ImageDecoder.decode(png).rgb());
        robot.clickOn("#colorizeExportTriptych");
        Path triptych = folder.resolve("colorize-triptych.png");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(triptych) && dialogs.notifications.size() >= 2);
        assertTrue(ImageDecoder.decode(triptych).width() > 3 * WIDTH);

        RgbImage before = viewModel.resultProperty().get();
        robot.clickOn("#colorizeSwap");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(colour, viewModel.inputProperty().get());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.resultProperty().get() != before
                && !viewModel.renderingProperty().get());
        // the grey image as exemplar: the colour photo comes back grey, and the status says why
        assertTrue(meanChroma(viewModel.resultProperty().get()) < 1, "mean chroma " + meanChroma(viewModel.resultProperty().get()));
        waitForStatus(robot, "no colour");
    }

    private void waitForStatus(FxRobot robot, String text) throws Exception {
        Label status = robot.lookup("#colorizeStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> status.getText().contains(text) && !viewModel.renderingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.notifications.stream().noneMatch(n -> n.severity() == Notification.Severity.ERROR),
                dialogs.notifications.toString());
    }

    private static ZoomableImagePane pane(FxRobot robot, String imageId) {
        javafx.scene.Node node = robot.lookup(imageId).query();
        while (!(node instanceof ZoomableImagePane)) {
            node = node.getParent();
        }
        return (ZoomableImagePane) node;
    }

    private static RgbImage shownPixels(FxRobot robot, String imageId) {
        Image image = robot.lookup(imageId).queryAs(ImageView.class).getImage();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getPixelReader().getArgb(x, y);
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (argb >> 16);
                rgb[i + 1] = (byte) (argb >> 8);
                rgb[i + 2] = (byte) argb;
            }
        }
        return new RgbImage(w, h, rgb);
    }

    static double meanChroma(RgbImage image) {
        LabImage lab = LabImage.fromRgb(image);
        double sum = 0;
        for (int i = 0; i < lab.a().length; i++) {
            sum += Math.hypot(lab.a()[i], lab.b()[i]);
        }
        return sum / lab.a().length;
    }

    static RgbImage lightnessOnly(RgbImage image) {
        LabImage lab = LabImage.fromRgb(image);
        int n = image.width() * image.height();
        return new LabImage(image.width(), image.height(), lab.l(), new float[n], new float[n]).toRgb();
    }

    /** Warm and cool regions of varying lightness. */
    static RgbImage pattern() {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double shade = 0.5 + 0.25 * Math.sin(x / 5.0) * Math.cos(y / 7.0) + 0.2 * x / WIDTH;
                int i = (y * WIDTH + x) * 3;
                boolean warm = x < WIDTH / 2;
                rgb[i] = (byte) (warm ? Math.min(255, 40 + 215 * shade) : 30 + 60 * shade);
                rgb[i + 1] = (byte) (warm ? 30 + 150 * shade : 80 + 120 * shade);
                rgb[i + 2] = (byte) (warm ? 20 + 60 * shade : 130 + 120 * shade);
            }
        }
        return new RgbImage(WIDTH, HEIGHT, rgb);
    }
}
