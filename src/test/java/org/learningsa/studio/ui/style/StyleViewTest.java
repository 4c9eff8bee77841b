package org.learningsa.studio.ui.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.apps.style.PatchSettings;
import org.learningsa.studio.apps.style.PatchStyleTransfer;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.SyntheticAligner;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.learningsa.studio.ui.view.ZoomableImagePane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The style window as a user drives it: the result appears off the JavaFX thread, the strength slider
 * re-renders live (a burst of moves ends on the last value), roles swap, the mask toggles, zoom is
 * linked, and both exports write PNGs.
 */
@ExtendWith(ApplicationExtension.class)
class StyleViewTest {

    private static final int WIDTH = 96;
    private static final int HEIGHT = 72;

    private StyleViewModel viewModel;
    private RgbImage photo;
    private RgbImage painting;
    private Alignment alignment;
    private Path folder;
    private SavingDialogs dialogs;
    private List<Notification> notifications;

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory("lsa-style-view");
        photo = pattern(0);
        painting = pattern(1);
        dialogs = new SavingDialogs(folder);
        notifications = dialogs.notifications;
        viewModel = new StyleViewModel(new FxTaskRunner(), dialogs);
        viewModel.sourcePixelsProperty().set(photo);
        viewModel.targetPixelsProperty().set(painting);
        ImageRef ref = new ImageRef(null, WIDTH, HEIGHT);
        // the synthetic aligner's fused readout is the identity: each photo pixel takes the painting's colours there
        alignment = Alignment.fromOutputs(ref, ref, "synthetic", false, SyntheticAligner.outputs()::get);
        viewModel.alignmentProperty().set(alignment);
        stage.setScene(new Scene(new StyleView(viewModel).build(), 1200, 560));
        stage.show();
    }

    @Test
    void rendersOffTheFxThreadAndFollowsTheStrengthSliderLive(FxRobot robot) throws Exception {
        waitForStatus(robot, "strength 1.00");
        RgbImage full = viewModel.resultProperty().get();
        assertEquals(WIDTH, full.width());
        assertEquals(HEIGHT, full.height());
        assertTrue(meanDifference(full, photo) > 10, "the painting's colours reached the photo");
        assertSame(photo, viewModel.inputProperty().get());

        Slider strength = robot.lookup("#styleStrength").queryAs(Slider.class);
        // a burst of moves, as a drag produces: only the last value must end up shown
        robot.interact(() -> {
            for (int i = 1; i <= 30; i++) {
                strength.setValue(1 - i / 40.0);
            }
            strength.setValue(0);
        });
        waitForStatus(robot, "strength 0.00");
        assertArrayEquals(photo.rgb(), viewModel.resultProperty().get().rgb(), "strength 0 shows the input");
        assertArrayEquals(photo.rgb(), shownPixels(robot, "#styleResultImage").rgb(), "and the pane shows it");
        robot.interact(() -> strength.setValue(0.5));
        waitForStatus(robot, "strength 0.50");
        double half = meanDifference(viewModel.resultProperty().get(), photo);
        assertEquals(meanDifference(full, photo) / 2, half, 1.0);
        assertEquals("0.50", robot.lookup("#styleStrengthValue").queryAs(Label.class).getText());
        // the other sliders say their values too
        robot.interact(() -> {
            viewModel.windowProperty().set(0.05);
            viewModel.smoothnessProperty().set(4);
            viewModel.textureProperty().set(0.25);
        });
        assertEquals(List.of("0.05", "4.0", "0.25"), List.of(
                robot.lookup("#styleWindowValue").queryAs(Label.class).getText(),
                robot.lookup("#styleSmoothnessValue").queryAs(Label.class).getText(),
                robot.lookup("#styleTextureValue").queryAs(Label.class).getText()));
    }

    @Test
    void swapsRolesTogglesTheMaskAndLinksZoom(FxRobot robot) throws Exception {
        waitForStatus(robot, "strength 1.00");
        RgbImage before = viewModel.resultProperty().get();
        robot.clickOn("#styleSwap");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(painting, viewModel.inputProperty().get());
        assertSame(photo, viewModel.exemplarProperty().get());
        // the swapped roles' render, preview and full size, is what the user sees once nothing renders any more
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> viewModel.resultProperty().get() != before
                && settled()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(meanDifference(viewModel.resultProperty().get(), painting) > 10, "now the photo recolours the painting");

        robot.clickOn("#styleMask");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(viewModel.maskProperty().get().rgb(), shownPixels(robot, "#styleResultImage").rgb());
        robot.clickOn("#styleMask");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(viewModel.resultProperty().get().rgb(), shownPixels(robot, "#styleResultImage").rgb());

        ZoomableImagePane input = pane(robot, "#styleInputImage");
        ZoomableImagePane result = pane(robot, "#styleResultImage");
        ZoomableImagePane exemplar = pane(robot, "#styleExemplarImage");
        double resultScale = result.scaleProperty().get();
        double exemplarScale = exemplar.scaleProperty().get();
        robot.interact(() -> input.zoomAt(2, input.getWidth() / 2, input.getHeight() / 2));
        assertEquals(2 * resultScale, result.scaleProperty().get(), 1e-6, "the result zooms with the input");
        assertEquals(2 * exemplarScale, exemplar.scaleProperty().get(), 1e-6, "and so does the exemplar");
        // a new render (strength moved) keeps the zoom the user chose
        Slider strength = robot.lookup("#styleStrength").queryAs(Slider.class);
        robot.interact(() -> strength.setValue(0.7));
        waitForStatus(robot, "strength 0.70");
        assertEquals(2 * resultScale, result.scaleProperty().get(), 1e-6);
    }

    @Test
    void exportsTheResultAndATriptych(FxRobot robot) throws Exception {
        waitForStatus(robot, "strength 1.00");
        robot.clickOn("#styleExport");
        Path png = folder.resolve("stylised.png");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(png) && !notifications.isEmpty());
        assertArrayEquals(viewModel.resultProperty().get().rgb(), ImageDecoder.decode(png).rgb());
        robot.clickOn("#styleExportTriptych");
        Path triptych = folder.resolve("style-triptych.png");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(triptych) && notifications.size() >= 2);
        RgbImage figure = ImageDecoder.decode(triptych);
        assertTrue(figure.width() > 3 * WIDTH * 320 / HEIGHT && figure.height() > 320, figure.width() + "x" + figure.height());
        assertEquals(Notification.Severity.INFO, notifications.get(1).severity(), notifications.toString());
    }

    @Test
    void theFurtherPatchSettingsUnderMoreReachTheRenderAndDefaultsRestoreThem(FxRobot robot) throws Exception {
        waitForStatus(robot, "Full size");
        List<String> ids = List.of("#styleStructure", "#styleUniformity", "#styleIterations", "#styleLevels",
                "#styleSeed", "#styleNewSeed", "#stylePatchDefaults");
        for (String id : ids) {
            assertFalse(shown(robot.lookup(id).query()), id + " is folded away at first");
        }
        robot.clickOn("#stylePatchMore");
        for (String id : ids) {
            Control control = robot.lookup(id).queryAs(Control.class);
            assertTrue(shown(control), id + " shows");
            assertFalse(control.getTooltip().getText().isBlank(), id + " explains itself");
        }
        Slider structure = robot.lookup("#styleStructure").queryAs(Slider.class);
        Slider uniformity = robot.lookup("#styleUniformity").queryAs(Slider.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> iterations = robot.lookup("#styleIterations").queryAs(Spinner.class);
        @SuppressWarnings("unchecked")
        ComboBox<Integer> levels = robot.lookup("#styleLevels").queryAs(ComboBox.class);
        TextField seed = robot.lookup("#styleSeed").queryAs(TextField.class);
        assertEquals("Automatic", levels.getConverter().toString(levels.getValue()));
        robot.interact(() -> {
            structure.setValue(2.5);
            uniformity.setValue(0.6);
            iterations.increment(2);
            levels.setValue(2);
        });
        robot.clickOn(seed);
        robot.interact(seed::selectAll);
        robot.write("1234").type(KeyCode.ENTER);
        waitForStatus(robot, "Full size");
        PatchSettings chosen = new PatchSettings(PatchSettings.DEFAULT_PATCH_SIZE, 2,
                PatchSettings.DEFAULT_ITERATIONS + 2, 2.5, PatchSettings.DEFAULT_PRIOR, PatchSettings.DEFAULT_COLOUR,
                0.6, 1.0, 1234);
        assertEquals(chosen, viewModel.patchSettings());
        assertEquals(List.of("2.50", "0.60"), List.of(robot.lookup("#styleStructureValue").queryAs(Label.class).getText(),
                robot.lookup("#styleUniformityValue").queryAs(Label.class).getText()));
        RgbImage expected = PatchStyleTransfer.transfer(new NetworkCorrespondence(alignment, Readout.FUSED),
                Direction.SOURCE_TO_TARGET, photo, painting, chosen);
        assertArrayEquals(expected.rgb(), viewModel.resultProperty().get().rgb(), "the shown result uses them");

        // text that is not a whole number is put back, in the seed field and in the iterations spinner
        robot.clickOn(seed);
        robot.interact(seed::selectAll);
        robot.write("12x").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1234", seed.getText());
        assertEquals(1234, viewModel.seedProperty().get());
        robot.clickOn(iterations.getEditor());
        robot.interact(iterations.getEditor()::selectAll);
        robot.write("many").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(String.valueOf(PatchSettings.DEFAULT_ITERATIONS + 2), iterations.getEditor().getText());
        assertEquals(PatchSettings.DEFAULT_ITERATIONS + 2, viewModel.iterationsProperty().get());
        assertTrue(notifications.isEmpty(), notifications.toString());

        // a new seed: another draw of the random search, so other pixels
        RgbImage drawnBefore = viewModel.resultProperty().get();
        robot.clickOn("#styleNewSeed");
        waitForStatus(robot, "Full size");
        long drawn = viewModel.seedProperty().get();
        assertNotEquals(1234, drawn);
        assertEquals(String.valueOf(drawn), seed.getText());
        assertFalse(java.util.Arrays.equals(drawnBefore.rgb(), viewModel.resultProperty().get().rgb()),
                "the new seed changed the result");

        robot.interact(() -> viewModel.strengthProperty().set(0.5));
        robot.clickOn("#stylePatchDefaults");
        waitForStatus(robot, "strength 0.50");
        assertEquals(PatchSettings.defaults().withStrength(0.5), viewModel.patchSettings());
        assertEquals(List.of(PatchSettings.DEFAULT_STRUCTURE, PatchSettings.DEFAULT_UNIFORMITY),
                List.of(structure.getValue(), uniformity.getValue()));
        assertEquals(List.of(PatchSettings.DEFAULT_ITERATIONS, 0), List.of(iterations.getValue(), levels.getValue()));
        assertEquals(String.valueOf(PatchSettings.DEFAULT_SEED), seed.getText());

        robot.clickOn("#stylePatchMore");
        assertFalse(shown(structure), "pressed again, More folds them away");
    }

    /**
     * Waits until the status names {@code text} and the render is finished, the patch method's full-size one
     * included: its result replaces the preview's when it lands, so a result read while it still runs is not the
     * one the user ends up seeing. Read on the JavaFX thread, where the preview's end and the full render's start
     * happen in one step.
     */
    private void waitForStatus(FxRobot robot, String text) throws Exception {
        Label status = robot.lookup("#styleStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> status.getText().contains(text) && settled()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(notifications.stream().noneMatch(n -> n.severity() == Notification.Severity.ERROR), notifications.toString());
    }

    /** The node and all that hold it are visible. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** No render runs: neither the preview (or colour render) nor the patch method's full-size one. */
    private boolean settled() {
        return !viewModel.renderingProperty().get() && !viewModel.fullRenderingProperty().get();
    }

    private static boolean onFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get();
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

    private static double meanDifference(RgbImage a, RgbImage b) {
        double sum = 0;
        for (int i = 0; i < a.rgb().length; i++) {
            sum += Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF));
        }
        return sum / a.rgb().length;
    }

    /** A textured test image; variant 1 is a warm, high-contrast recolouring of the same layout. */
    private static RgbImage pattern(int variant) {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double shade = 0.5 + 0.25 * Math.sin(x / 5.0) * Math.cos(y / 7.0) + 0.2 * x / WIDTH;
                int i = (y * WIDTH + x) * 3;
                if (variant == 0) {
                    rgb[i] = (byte) (60 + 120 * shade);
                    rgb[i + 1] = (byte) (80 + 120 * shade);
                    rgb[i + 2] = (byte) (110 + 110 * shade);
                } else {
                    rgb[i] = (byte) Math.min(255, 40 + 215 * shade);
                    rgb[i + 1] = (byte) (30 + 150 * shade);
                    rgb[i + 2] = (byte) (20 + 60 * shade);
                }
            }
        }
        return new RgbImage(WIDTH, HEIGHT, rgb);
    }
}
