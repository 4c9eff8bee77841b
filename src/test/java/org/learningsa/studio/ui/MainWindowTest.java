package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.AppPaths;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.learningsa.studio.ui.view.MatchOverlay;
import org.learningsa.studio.ui.view.ZoomableImagePane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as a user drives it, headless (Monocle), with the app's real default aligner. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final List<SamplePair> samples = SamplePairs.installed();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final RecordingDialogService chooser = new RecordingDialogService();
    /** A model that waits until cancelled, for the Cancel test. */
    private final SyntheticAligner slow = new SyntheticAligner();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/window"));
        preferences.clear();
        slow.gate = new CountDownLatch(1);
        AlignerCatalog app = StudioAlignerCatalog.forApp();
        AlignerCatalog catalog = new AlignerCatalog() {
            @Override
            public List<ModelChoice> available() {
                List<ModelChoice> models = new java.util.ArrayList<>(app.available());
                models.add(new ModelChoice("slow", "slow test model", null));
                return models;
            }

            @Override
            public Aligner load(ModelChoice choice, ProgressListener progress, CancelToken cancel) {
                return choice.id().equals("slow") ? slow : app.load(choice, progress, cancel);
            }
        };
        window = new MainWindow(samples, catalog, tasks, preferences, fx -> new ForwardingDialogService(fx, chooser));
        window.show(stage);
    }

    @AfterEach
    void stop() {
        slow.gate.countDown();
        tasks.close();
    }

    @Test
    void opensOnASamplePairWithBothImagesShown(FxRobot robot) throws Exception {
        assertFalse(samples.isEmpty(), "assets/samples/pairs.tsv lists no readable pair");
        assertEquals("LearningSA Studio", ((Stage) robot.window(0)).getTitle());
        ImageView source = robot.lookup("#sourceView").queryAs(ImageView.class);
        ImageView target = robot.lookup("#targetView").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> loaded(source.getImage()) && loaded(target.getImage()));
        assertTrue(source.getImage().getWidth() > 100 && target.getImage().getWidth() > 100);
        ZoomableImagePane pane = robot.lookup("#sourcePane").queryAs(ZoomableImagePane.class);
        assertTrue(source.getImage().getWidth() * pane.scaleProperty().get() > 50, "the source is shown at a visible size");
    }

    @Test
    void statusBarNamesEngineAndDeviceOnceStarted(FxRobot robot) throws Exception {
        Label device = robot.lookup("#deviceStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> device.getText().contains("CPU") || device.getText().contains("GPU"));
        Label engine = robot.lookup("#engineStatus").queryAs(Label.class);
        assertTrue(engine.getText().contains("PyTorch 2.7.1"), engine.getText());
    }

    @Test
    void runThenClickAPointShowsItsCoordinatesAndMatch(FxRobot robot) throws Exception {
        runDefaultAndWait(robot);
        ZoomableImagePane source = robot.lookup("#sourcePane").queryAs(ZoomableImagePane.class);
        Point2D screen = source.localToScreen(source.toPane(source.imageWidth() * 0.5, source.imageHeight() * 0.4));
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        Label point = robot.lookup("#inspectorPoint").queryAs(Label.class);
        Label match = robot.lookup("#inspectorMatch").queryAs(Label.class);
        assertTrue(point.getText().startsWith("Source point: ("), point.getText());
        // the click lands within a pixel of the asked-for point (robot positions are rounded to screen pixels)
        double expectedX = source.imageWidth() * 0.5;
        double shownX = Double.parseDouble(point.getText().replaceAll(".*\\(([-0-9.]+),.*", "$1"));
        assertEquals(expectedX, shownX, 1.5 / source.scaleProperty().get() + 0.6);
        assertTrue(match.getText().startsWith("Match in target (fused): ("), match.getText());
        assertNotNull(window.pairView().overlay().shown().pickedTarget(), "the match is marked in the target");
        assertTrue(window.pairView().targetPane().isHeatmapShown(), "the heatmap shows over the target");
    }

    @Test
    void switchingTheReadoutChangesTheOverlay(FxRobot robot) throws Exception {
        runDefaultAndWait(robot);
        MatchOverlay overlay = window.pairView().overlay();
        var fused = overlay.shown().matches();
        assertFalse(fused.isEmpty(), "the fused readout shows matches");
        String filtersBefore = filters();
        @SuppressWarnings("unchecked")
        ChoiceBox<Readout> readout = robot.lookup("#readoutChoice").queryAs(ChoiceBox.class);
        robot.clickOn(readout);
        robot.clickOn("level 1 only");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Readout.LEVEL_1, window.displayViewModel().readoutProperty().get());
        var level1 = overlay.shown().matches();
        assertNotEquals(fused.matches(), level1.matches(), "level 1 shows other matches than the fused readout");
        robot.type(javafx.scene.input.KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Readout.FUSED, readout.getValue(), "key 0 is the fused readout");
        // the message names what the matches depend on, so that a failure says which of them changed
        assertTrue(fused.matches().equals(overlay.shown().matches().matches()), () -> "back to the fused matches, from "
                + "the cache; before: " + filtersBefore + "; now: " + filters());
    }

    /** What the shown matches are computed from besides the readout: the run, the filters, the user's points. */
    private String filters() {
        var display = window.displayViewModel();
        return "alignment@" + Integer.toHexString(System.identityHashCode(display.alignmentProperty().get()))
                + " kind " + display.confidenceKindProperty().get() + " top " + display.topNProperty().get()
                + " min " + display.minConfidenceProperty().get() + " consistent " + display.consistentOnlyProperty().get()
                + " points " + window.editViewModel().pointsProperty().get().size();
    }

    @Test
    void cancelStopsARunAndTheAppStaysUsable(FxRobot robot) throws Exception {
        robot.interact(() -> window.mainViewModel().selectedModelProperty().set(
                window.mainViewModel().models().stream().filter(m -> m.id().equals("slow")).findFirst().orElseThrow()));
        robot.clickOn("#runButton");
        assertTrue(slow.started.await(20, TimeUnit.SECONDS), "the run started");
        Node cancel = robot.lookup("#cancelButton").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, cancel::isVisible);
        assertTrue(robot.lookup("#runButton").queryAs(Button.class).isDisabled(), "one run at a time");
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.mainViewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#runButton").queryAs(Button.class).isDisabled(), "Run is available again");
        assertEquals(null, window.mainViewModel().alignmentProperty().get());
        robot.interact(() -> window.mainViewModel().selectedModelProperty().set(window.mainViewModel().models().get(0)));
        runDefaultAndWait(robot);
    }

    @Test
    void aCorruptCheckpointShowsAnErrorAndTheAppKeepsWorking(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("lsa-corrupt");
        Path garbage = Files.write(dir.resolve("corrupt.pt"), "this is not a checkpoint at all".getBytes());
        chooser.fileToOpen = garbage;
        ModelChoice before = window.mainViewModel().selectedModelProperty().get();
        robot.clickOn("#modelChoice");
        robot.clickOn("Open checkpoint…");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup(".notification.error").queryAll().isEmpty());
        Node card = robot.lookup(".notification.error").query();
        Label title = robot.from(card).lookup(".notification-title").queryAs(Label.class);
        Label message = robot.from(card).lookup(".notification-message").queryAs(Label.class);
        assertTrue(title.getText().contains("corrupt.pt"), title.getText());
        assertTrue(message.getText().contains("corrupt.pt"), "the message names the file: " + message.getText());
        assertFalse(message.getText().contains("Exception"), "no raw exception text: " + message.getText());
        assertEquals(before, window.mainViewModel().selectedModelProperty().get(), "the previous model stays selected");
        if (System.getProperty("lsa.ui.snapshot") != null) {
            robot.clickOn(robot.from(card).lookup(".notification-details-button").queryButton());
            robot.interact(() -> {
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(
                            window.stage().getScene().snapshot(null), null), "png", new java.io.File(System.getProperty("lsa.ui.snapshot")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertEquals(before, robot.lookup("#modelChoice").queryComboBox().getValue(), "the selector shows it too");
        runDefaultAndWait(robot);
        Files.deleteIfExists(garbage);
        Files.deleteIfExists(dir);
    }

    private void runDefaultAndWait(FxRobot robot) throws Exception {
        ImageView source = robot.lookup("#sourceView").queryAs(ImageView.class);
        ImageView target = robot.lookup("#targetView").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> loaded(source.getImage()) && loaded(target.getImage()));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.mainViewModel().alignmentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(window.pairView().overlay().shown().matches());
    }

    private static boolean loaded(Image image) {
        return image != null && image.getProgress() >= 1.0 && !image.isError();
    }

    static Path assets() {
        return AppPaths.assetsDir();
    }

    @Test
    void theModelSelectorKeepsNamingTheModelWhileARunRewritesItsCheckpoints(FxRobot robot) {
        MainViewModel main = window.mainViewModel();
        javafx.scene.control.ComboBox<?> selector = robot.lookup("#modelChoice").queryAs(javafx.scene.control.ComboBox.class);
        Path last = Path.of("/tmp/runs/run-a/last.pt").toAbsolutePath();
        java.util.List<String> shown = new java.util.ArrayList<>();
        robot.interact(() -> {
            main.offerCheckpoint(last, "Run run-a · last (epoch 0)");
            main.selectedModelProperty().set(main.models().stream().filter(m -> last.equals(m.checkpoint())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
        shown.add(buttonCellText(selector));
        robot.interact(() -> {
            // as a run does after the next epoch: last.pt is rewritten, then epoch_001.pt is added
            main.offerCheckpoint(last, "Run run-a · last (epoch 1)");
            main.offerCheckpoint(last.resolveSibling("epoch_001.pt"), "Run run-a · epoch 1");
        });
        WaitForAsyncUtils.waitForFxEvents();
        shown.add(buttonCellText(selector));
        assertEquals(java.util.List.of("Run run-a · last (epoch 0)", "Run run-a · last (epoch 1)"), shown,
                "the selector shows what the status bar names: " + main.modelStatusProperty().get());
        assertEquals("Model: Run run-a · last (epoch 1)", main.modelStatusProperty().get());
    }

    @Test
    void theShortcutsHelpListsEveryMenuShortcut(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        List<String> missing = new java.util.ArrayList<>();
        java.util.function.Consumer<javafx.scene.control.MenuItem>[] visit = new java.util.function.Consumer[1];
        visit[0] = item -> {
            if (item instanceof javafx.scene.control.Menu menu) {
                menu.getItems().forEach(visit[0]);
            } else if (item.getAccelerator() != null) {
                // the help names the Ctrl key (the platform's shortcut key on Linux and Windows)
                String keys = item.getAccelerator().getName().replace("Shortcut", "Ctrl").replace("Equals", "=")
                        .replace("Plus", "+").replace("Minus", "-").replace("Shift+Ctrl+", "Ctrl+Shift+");
                // the readout digits are one row: "1 … 4"
                String listedAs = keys.matches("[1-4]") ? "1 … 4" : keys;
                if (!MainMenus.SHORTCUTS.contains(listedAs) && !MainMenus.SHORTCUTS.contains(keys.replace("=", "+"))) {
                    missing.add(keys + " (" + item.getText() + ")");
                }
            }
        };
        bar.getMenus().forEach(visit[0]);
        assertEquals(List.of(), missing, "menu shortcuts the help does not list");
    }

    /** The text the closed combo box shows (its button cell, the cell placed directly in the box). */
    private static String buttonCellText(javafx.scene.control.ComboBox<?> box) {
        return box.lookupAll(".list-cell").stream().filter(cell -> cell.getParent() == box)
                .map(cell -> String.valueOf(((javafx.scene.control.ListCell<?>) cell).getText())).findFirst().orElse("(no button cell)");
    }
}
