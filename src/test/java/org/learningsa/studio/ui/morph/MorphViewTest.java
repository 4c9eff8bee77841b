package org.learningsa.studio.ui.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The morph window as a user drives it: scrub, play, export with progress, cancel. */
@ExtendWith(ApplicationExtension.class)
class MorphViewTest {

    private MorphViewModel viewModel;
    private MorphView view;
    private RgbImage source;
    private RgbImage target;
    private final List<Notification> notifications = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        Path samples = Path.of("assets", "samples");
        assumeTrue(Files.isDirectory(samples), "assets/samples not found (run from the project folder)");
        source = AreaResize.resize(ImageDecoder.decode(samples.resolve("chelsea.png")), 180, 120);
        target = AreaResize.resize(ImageDecoder.decode(samples.resolve("dog.jpg")), 180, 120);
        viewModel = new MorphViewModel(shiftedBy(12, -6), source, target, new FxTaskRunner(), recording());
        view = new MorphView(viewModel, () -> { });
        stage.setScene(new Scene(view.root(), 900, 720));
        stage.show();
        viewModel.prepare();
    }

    @Test
    void theFramesFieldFollowsTheFramesTheExportDialogSet(FxRobot robot) {
        robot.interact(() -> viewModel.framesProperty().set(150));
        javafx.scene.control.Spinner<?> frames = robot.lookup("#morphFrames").queryAs(javafx.scene.control.Spinner.class);
        assertEquals(150, frames.getValue(), "the field says what the player plays");
    }

    @Test
    void scrubbingShowsTheSourceTheTargetAndFramesBetween(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.morphProperty().get() != null);
        assertNotNull(robot.lookup("#morphHalfwayImage").queryAs(ImageView.class).getImage(), "the halfway view");
        robot.interact(() -> viewModel.positionProperty().set(0));
        waitForFrame(0);
        assertEquals(argb(source, 40, 30), pixel(40, 30), "t = 0 is the source");
        robot.interact(() -> viewModel.positionProperty().set(1));
        waitForFrame(1);
        assertEquals(argb(target, 40, 30), pixel(40, 30), "t = 1 is the target");

        long before = view.preview().framesShown();
        Slider slider = robot.lookup("#morphTimeSlider").queryAs(Slider.class);
        robot.moveTo(slider).moveBy(-slider.getWidth() / 2 + 5, 0).press(javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(slider.getWidth() / 3, 0).moveBy(slider.getWidth() / 3, 0)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double t = viewModel.timeBinding().get();
        assertTrue(t > 0.2 && t < 0.9, "dragged to the middle: " + t);
        waitForFrame(t);
        assertTrue(view.preview().framesShown() > before, "frames rendered while dragging");
        String label = robot.lookup("#morphTimeLabel").queryAs(Label.class).getText();
        assertTrue(label.startsWith(String.format(java.util.Locale.ROOT, "t = %.2f", t)), label);
    }

    @Test
    void playLoopsAndPingPongTurnsAtTheEnds(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.morphProperty().get() != null);
        robot.interact(() -> {
            viewModel.framesProperty().set(5);
            viewModel.playModeProperty().set(MorphViewModel.PlayMode.PING_PONG);
            viewModel.positionProperty().set(0.75);
        });
        robot.interact(viewModel::step);
        assertEquals(4, viewModel.frameIndex());
        robot.interact(viewModel::step);
        assertEquals(3, viewModel.frameIndex(), "ping-pong turns back at the last frame");
        robot.interact(() -> viewModel.playModeProperty().set(MorphViewModel.PlayMode.LOOP));
        robot.interact(() -> viewModel.positionProperty().set(1));
        robot.interact(viewModel::step);
        assertEquals(0, viewModel.frameIndex(), "loop starts over");
        robot.interact(() -> viewModel.fpsProperty().set(50));
        robot.clickOn("#morphPlayButton");
        double start = viewModel.positionProperty().get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.positionProperty().get() != start);
        robot.clickOn("#morphPlayButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(viewModel.playingProperty().get(), "pause stops playback");
    }

    @Test
    void exportWritesAGifAndCancelLeavesNothing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.morphProperty().get() != null);
        Path dir = Files.createTempDirectory("lsa-morph-view");
        Path gif = dir.resolve("morph.gif");
        robot.interact(() -> {
            viewModel.framesProperty().set(10);
            viewModel.export(gif, 0);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.exportTaskProperty().get() == null);
        assertTrue(Files.size(gif) > 1000, "GIF written");
        assertTrue(notifications.stream().anyMatch(n -> n.title().equals("Exported")), notifications.toString());

        Path mp4 = dir.resolve("big.mp4");
        robot.interact(() -> {
            // long enough to cancel, within the export limit (frames × canvas pixels ≤ 100 M: 250 × 720×480)
            viewModel.framesProperty().set(250);
            viewModel.export(mp4, 720);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#morphExportCancel").query().isVisible());
        robot.clickOn("#morphExportCancel");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.exportTaskProperty().get() == null);
        assertFalse(Files.exists(mp4), "a cancelled export writes nothing");
        assertTrue(notifications.stream().anyMatch(n -> n.title().equals("Export cancelled")), notifications.toString());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(gif), files.toList(), "no temporary file left");
        }
    }

    @Test
    void anExportBeyondTheLimitsFailsBeforeAnyWork(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.morphProperty().get() != null);
        Path dir = Files.createTempDirectory("lsa-morph-view");
        Path gif = dir.resolve("huge.gif");
        robot.interact(() -> {
            viewModel.framesProperty().set(1000);
            viewModel.export(gif, 8192);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.exportTaskProperty().get() == null);
        assertFalse(Files.exists(gif));
        assertTrue(notifications.stream().anyMatch(n -> n.title().equals("Export failed")
                && String.valueOf(n).contains("1,000 frames may have at most 100,000 pixels")), notifications.toString());
    }

    private void waitForFrame(double t) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.preview() != null
                && Math.abs(view.preview().shownTime() - t) < 1e-9);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int pixel(int x, int y) throws Exception {
        int[] value = new int[1];
        WaitForAsyncUtils.asyncFx(() -> value[0] = view.preview().image().getPixelReader().getArgb(x, y)).get();
        return value[0];
    }

    private static int argb(RgbImage image, int x, int y) {
        return 0xFF000000 | image.get(x, y, 0) << 16 | image.get(x, y, 1) << 8 | image.get(x, y, 2);
    }

    /** Every point matched to itself plus a shift, in both directions. */
    private static Correspondence shiftedBy(double dx, double dy) {
        ImageRef ref = new ImageRef(null, 180, 120);
        return new Correspondence() {
            @Override
            public ImageRef source() {
                return ref;
            }

            @Override
            public ImageRef target() {
                return ref;
            }

            @Override
            public PixelPoint map(Direction direction, double x, double y) {
                double sign = direction == Direction.SOURCE_TO_TARGET ? 1 : -1;
                return new PixelPoint(Math.max(0, Math.min(179, x + sign * dx)), Math.max(0, Math.min(119, y + sign * dy)));
            }

            @Override
            public double confidence(Direction direction, double x, double y) {
                return 1;
            }

            @Override
            public String description() {
                return "a known shift";
            }

            @Override
            public boolean semantic() {
                return false;
            }
        };
    }

    private DialogService recording() {
        return new DialogService() {
            @Override
            public void notify(Notification notification) {
                notifications.add(notification);
            }

            @Override
            public Optional<Path> chooseFileToOpen(String title, Path folder, String name, List<String> extensions) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFileToSave(String title, Path folder, String suggested, String name,
                                                   List<String> extensions) {
                return Optional.empty();
            }

            @Override
            public void showText(String title, String header, String text) {
            }
        };
    }
}
