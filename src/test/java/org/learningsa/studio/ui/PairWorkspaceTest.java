package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Direction;
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

/**
 * The pair workspace as a user drives it (headless, Monocle), with the synthetic aligner so every
 * run takes milliseconds: overlay geometry under zoom and pan, what the view shows after a run.
 */
@ExtendWith(ApplicationExtension.class)
class PairWorkspaceTest {

    private final List<SamplePair> samples = SamplePairs.installed();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final SyntheticAligner aligner = new SyntheticAligner();
    private final RecordingDialogService chooser = new RecordingDialogService();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/workspace"));
        preferences.clear();
        AlignerCatalog catalog = new AlignerCatalog() {
            @Override
            public List<ModelChoice> available() {
                return List.of(ModelChoice.weightFreeDefault());
            }

            @Override
            public Aligner load(ModelChoice choice, ProgressListener progress, CancelToken cancel) {
                return aligner;
            }
        };
        window = new MainWindow(samples, catalog, tasks, preferences, fx -> new ForwardingDialogService(fx, chooser));
        window.show(stage);
    }

    @AfterEach
    void stop() {
        if (aligner.gate != null) {
            aligner.gate.countDown();
        }
        tasks.close();
    }

    @Test
    void pickMarkersStayInsideTheirOwnPaneAfterZoomAndPan(FxRobot robot) throws Exception {
        runAndWait(robot);
        ZoomableImagePane source = window.pairView().sourcePane();
        ZoomableImagePane target = window.pairView().targetPane();
        MatchOverlay overlay = window.pairView().overlay();
        robot.interact(() -> {
            // only the pick is drawn in the pick colour
            window.displayViewModel().showLinesProperty().set(false);
            window.displayViewModel().showPointsProperty().set(false);
            // a point near the right edge of the target: the synthetic fused readout maps it near the right of the source
            window.inspectorViewModel().pick(Direction.TARGET_TO_SOURCE, target.imageWidth() * 0.9, target.imageHeight() * 0.5);
        });
        assertNotNull(overlay.shown().pickedSource());
        // three wheel notches into the left of the source, then a drag to the left: its match leaves the source's view
        robot.interact(() -> source.zoomAt(Math.pow(1.15, 3), source.getWidth() * 0.1, source.getHeight() / 2));
        Point2D grab = source.localToScreen(source.getWidth() * 0.5, source.getHeight() * 0.5);
        robot.drag(grab, MouseButton.PRIMARY).moveBy(-40, 0).moveBy(-40, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Point2D sourcePoint = overlay.sceneToLocal(source.localToScene(
                source.toPane(overlay.shown().pickedSource().x(), overlay.shown().pickedSource().y())));
        Bounds sourceArea = areaOf(overlay, source);
        Bounds targetArea = areaOf(overlay, target);
        assumeTrue(!sourceArea.contains(sourcePoint), "the zoom must move the match out of the source's view");

        // what the user sees: no pick colour in the target pane but at the target's own marker (or its
        // off-view arrow: the linked target zoomed too)
        Point2D targetMark = overlay.pickMarks().stream().filter(m -> m.pane() == target).findFirst().orElseThrow().at();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = overlay.snapshot(null, null));
        int stray = pickColouredPixels(shot[0], targetArea, targetMark, 20);
        assertEquals(0, stray, "pick-coloured pixels inside the target pane away from the target's marker");
        for (MatchOverlay.PickMark mark : overlay.pickMarks()) {
            assertTrue(areaOf(overlay, mark.pane()).contains(mark.at()), "a marker drawn outside its own pane: " + mark);
        }
        assertEquals(2, overlay.pickMarks().size(), "both ends are marked, the hidden one by an arrow at its border");
    }

    @Test
    void opensOnAPairTheDefaultAlignerGetsRightAndSaysSoWhenItGuesses(FxRobot robot) throws Exception {
        runAndWait(robot);
        MainViewModel main = window.mainViewModel();
        assertEquals(SamplePair.SAME_SCENE, main.pairKindProperty().get(), "the app opens on the stereo pair");
        assertEquals(org.learningsa.studio.align.ConfidenceKind.FORWARD_BACKWARD,
                window.displayViewModel().confidenceKindProperty().get(), "a weight-free result is coloured by consistency");
        javafx.scene.control.Label count = robot.lookup("#matchCount").queryAs(javafx.scene.control.Label.class);
        assertTrue(count.getText().matches("Showing \\d+ of \\d+ matches"), count.getText());
        javafx.scene.Node notice = robot.lookup("#guessingNotice").query();
        assertTrue(!notice.isVisible(), "no warning on a same-scene pair");

        SamplePair dogHorses = samples.stream().filter(p -> p.name().equals("dog-horses")).findFirst().orElseThrow();
        robot.interact(() -> main.openSample(dogHorses));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dogHorses.target().equals(main.targetPathProperty().get()));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.alignmentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(notice.isVisible(), "a cross-instance pair run without weights says its matches are guesses");
        assertTrue(notice.localToScene(notice.getLayoutBounds()).intersects(
                window.pairView().localToScene(window.pairView().getLayoutBounds())), "inside the view");
        robot.clickOn("#weightsInstructionsButton");
        WaitForAsyncUtils.waitForFxEvents();
        String shown = chooser.texts.get(chooser.texts.size() - 1);
        assertTrue(shown.contains("best_checkpoint_pascal.pt"), "the weights' README: " + shown);
        assertTrue(shown.contains("weights"), shown);
        for (String pane : List.of("#sourcePane", "#targetPane")) {
            javafx.scene.Node image = robot.lookup(pane).query();
            assertTrue(!notice.localToScene(notice.getLayoutBounds()).intersects(image.localToScene(image.getLayoutBounds())),
                    "the notice covers " + pane);
        }
        javafx.scene.control.Label words = robot.lookup("#guessingNoticeText").queryAs(javafx.scene.control.Label.class);
        assertTrue(words.getText().contains("A dog and a herd of horses"), words.getText());

        // closed, it stays closed when the user goes on to another pair
        // (fired, not clicked: the weights' text window opened above may lie over the button)
        javafx.scene.control.Button close = robot.lookup("#guessingNotice .notification-close").queryButton();
        robot.interact(close::fire);
        assertTrue(!notice.isVisible(), "closed");
        SamplePair catDog = samples.stream().filter(p -> p.name().equals("cat-dog")).findFirst().orElseThrow();
        robot.interact(() -> main.openSample(catDog));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> catDog.source().equals(main.sourcePathProperty().get()));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.alignmentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(main.guessingProperty().get(), "cat and dog without weights: guesses");
        assertTrue(!notice.isVisible(), "the closed notice does not come back on every pair");
        assertTrue(words.getText().contains("cat"), "its words follow the pair: " + words.getText());
    }


    @Test
    void atASmallWindowTheSidebarShrinksAndScrollsAndKeepsItsWidthWhenTheWindowGrowsBack(FxRobot robot) throws Exception {
        runAndWait(robot);
        javafx.scene.control.ScrollPane sidebar = robot.lookup("#sidebar").queryAs(javafx.scene.control.ScrollPane.class);
        resize(robot, 1280, 800);
        double wideWidth = sidebar.getWidth();
        resize(robot, 1000, 650);
        Bounds viewport = sidebar.localToScene(sidebar.getLayoutBounds());
        for (String id : List.of("#topNSlider", "#minConfidenceSlider", "#heatmapOpacitySlider", "#colorBar", "#heatmapLegend",
                "#readoutChoice", "#confidenceKindChoice", "#matchCount")) {
            javafx.scene.Node node = robot.lookup(id).query();
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            assertTrue(bounds.getMaxX() <= viewport.getMaxX() + 0.5, id + " is cut off at the right: " + bounds.getMaxX()
                    + " > " + viewport.getMaxX());
        }
        // the value labels next to the sliders (the last column of the grid) are whole
        for (javafx.scene.Node node : robot.lookup("#displayPanel .label").queryAll()) {
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            assertTrue(bounds.getMaxX() <= viewport.getMaxX() + 0.5, "a label is cut off: " + ((javafx.scene.control.Label) node).getText());
        }
        robot.interact(() -> sidebar.setVvalue(sidebar.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node last = robot.lookup("#inspector").query();
        assertTrue(last.localToScene(last.getLayoutBounds()).getMinY() < viewport.getMaxY(), "scrolling reaches the inspector");
        javafx.scene.control.Label device = robot.lookup("#deviceStatus").queryAs(javafx.scene.control.Label.class);
        Bounds deviceBounds = device.localToScene(device.getLayoutBounds());
        assertTrue(deviceBounds.getMaxX() <= stage.getScene().getWidth() + 0.5, "Device is cut off: " + deviceBounds);
        assertTrue(device.getWidth() + 0.5 >= device.prefWidth(-1), "Device is shortened: " + device.getWidth());

        resize(robot, 1280, 800);
        assertEquals(wideWidth, sidebar.getWidth(), 1.0, "the sidebar is as wide as before once the window grows back");
    }

    @Test
    void duringARunTheStatusBarShowsTheWholeStageAndCancelWithoutMovingTheLayout(FxRobot robot) throws Exception {
        aligner.gate = new java.util.concurrent.CountDownLatch(1);
        resize(robot, 1000, 650);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.mainViewModel().targetPixelsProperty().get() != null);
        javafx.scene.Node bar = robot.lookup("#statusBar").query();
        javafx.scene.Node pair = window.pairView();
        double barHeight = bar.getLayoutBounds().getHeight();
        double pairHeight = pair.getLayoutBounds().getHeight();
        robot.clickOn("#runButton");
        assertTrue(aligner.started.await(20, TimeUnit.SECONDS), "the run started");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#taskBox").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label stageText = robot.lookup("#taskStage").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Button cancel = robot.lookup("#cancelButton").queryAs(javafx.scene.control.Button.class);
        assertTrue(!stageText.getText().isEmpty(), "the stage is named");
        assertTrue(stageText.getWidth() + 0.5 >= stageText.prefWidth(-1), "the stage text is shortened: " + stageText.getWidth()
                + " < " + stageText.prefWidth(-1));
        assertTrue(cancel.getWidth() + 0.5 >= cancel.prefWidth(-1), "Cancel is squeezed: " + cancel.getWidth());
        assertEquals(barHeight, bar.getLayoutBounds().getHeight(), 0.01, "the status bar keeps its height during a run");
        assertEquals(pairHeight, pair.getLayoutBounds().getHeight(), 0.01, "the pair view does not jump");
        javafx.scene.control.Label device = robot.lookup("#deviceStatus").queryAs(javafx.scene.control.Label.class);
        assertTrue(device.localToScene(device.getLayoutBounds()).getMaxX() <= stage.getScene().getWidth() + 0.5, "Device stays visible");
    }

    @Test
    void notificationsLeaveTheTargetsNameAndSizeInSight(FxRobot robot) throws Exception {
        runAndWait(robot);
        resize(robot, 1000, 650);
        robot.interact(() -> {
            for (int i = 0; i < 6; i++) {
                window.mainViewModel().dialogs().notify(org.learningsa.studio.ui.dialog.Notification.warning(
                        "Warning " + i, "A message long enough to need two lines in the card of the notification area."));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node caption = robot.lookup(".image-caption").queryAll().stream()
                .filter(n -> ((javafx.scene.control.Label) n).getText().startsWith("Target:")).findFirst().orElseThrow();
        Bounds captionBounds = caption.localToScene(caption.getLayoutBounds());
        List<javafx.scene.Node> cards = List.copyOf(robot.lookup(".notification").queryAll());
        assertTrue(cards.size() <= 3, "cards pile up: " + cards.size());
        for (javafx.scene.Node card : cards) {
            assertTrue(!card.localToScene(card.getLayoutBounds()).intersects(captionBounds), "a card covers the target caption");
        }
    }

    @Test
    void levelWeightsOnTheFusedViewShowInTheMainViewToo(FxRobot robot) throws Exception {
        runAndWait(robot);
        MatchOverlay overlay = window.pairView().overlay();
        robot.interact(() -> {
            window.displayViewModel().showLinesProperty().set(false);
            window.displayViewModel().showPointsProperty().set(false);
        });
        Bounds target = areaOf(overlay, window.pairView().targetPane());
        int before = paintedPixels(robot, overlay, target);
        robot.clickOn("#showLevelWeights");
        WaitForAsyncUtils.waitForFxEvents();
        int after = paintedPixels(robot, overlay, target);
        assertEquals(0, before, "nothing drawn over the target without matches or weights");
        assertTrue(after > target.getWidth() * target.getHeight() * 0.3,
                "the level-weight map covers the target in the main view: " + after + " pixels");
        robot.interact(() -> window.displayViewModel().readoutProperty().set(org.learningsa.studio.align.Readout.LEVEL_2));
        assertEquals(0, paintedPixels(robot, overlay, target), "a single level's view has no fused weights to show");
    }

    private static int paintedPixels(FxRobot robot, MatchOverlay overlay, Bounds area) {
        javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
        transparent.setFill(javafx.scene.paint.Color.TRANSPARENT);
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = overlay.snapshot(transparent, null));
        PixelReader pixels = shot[0].getPixelReader();
        int count = 0;
        for (int y = (int) Math.ceil(area.getMinY()); y < Math.min(shot[0].getHeight(), area.getMaxY()); y++) {
            for (int x = (int) Math.ceil(area.getMinX()); x < Math.min(shot[0].getWidth(), area.getMaxX()); x++) {
                if ((pixels.getArgb(x, y) >>> 24) > 20) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void theExportDialogStartsInTheUsersFoldersNotTheSamples(FxRobot robot) throws Exception {
        runAndWait(robot);
        robot.interact(() -> window.figureDialog().export());
        java.nio.file.Path first = chooser.saveFolders.get(0);
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home"));
        assertTrue(!first.toAbsolutePath().startsWith(org.learningsa.studio.core.AppPaths.assetsDir().toAbsolutePath()), "starts in the samples: " + first);
        assertEquals(java.nio.file.Files.isDirectory(home.resolve("Pictures")) ? home.resolve("Pictures") : home, first);
        java.nio.file.Path exports = java.nio.file.Files.createTempDirectory("lsa-exports");
        robot.interact(() -> window.mainViewModel().preferences().rememberSave(exports.resolve("view.png")));
        robot.interact(() -> window.figureDialog().export());
        assertEquals(exports, chooser.saveFolders.get(1), "then in the folder of the last export");
        java.nio.file.Files.delete(exports);
    }

    @Test
    void homeAndEndMoveTheFocusedSliderWithoutScrollingTheSidebar(FxRobot robot) throws Exception {
        runAndWait(robot);
        resize(robot, 1000, 650);
        javafx.scene.control.ScrollPane sidebar = robot.lookup("#sidebar").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.scene.control.Slider topN = robot.lookup("#topNSlider").queryAs(javafx.scene.control.Slider.class);
        robot.interact(() -> sidebar.setVvalue(0.3));
        robot.interact(topN::requestFocus);
        robot.type(javafx.scene.input.KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(topN.getMax(), topN.getValue(), "End moves the slider to its end");
        assertEquals(0.3, sidebar.getVvalue(), 1e-9, "and leaves the sidebar where it was");
        robot.type(javafx.scene.input.KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(topN.getMin(), topN.getValue());
        assertEquals(0.3, sidebar.getVvalue(), 1e-9);
    }

    @Test
    void theCellGridIsDrawnBeforeAnyRun(FxRobot robot) throws Exception {
        MainViewModel main = window.mainViewModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.sourcePixelsProperty().get() != null
                && main.targetPixelsProperty().get() != null);
        MatchOverlay overlay = window.pairView().overlay();
        WritableImage[] shot = new WritableImage[2];
        robot.interact(() -> window.displayViewModel().showCellGridProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
        transparent.setFill(javafx.scene.paint.Color.TRANSPARENT);
        robot.interact(() -> shot[0] = overlay.snapshot(transparent, null));
        robot.interact(() -> window.displayViewModel().showCellGridProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> shot[1] = overlay.snapshot(transparent, null));
        assertTrue(main.alignmentProperty().get() == null, "not run");
        assertTrue(drawnPixels(shot[1]) > drawnPixels(shot[0]) + 500, "the ticked grid is drawn before Run: "
                + drawnPixels(shot[0]) + " → " + drawnPixels(shot[1]) + " pixels");
    }

    private static int drawnPixels(WritableImage image) {
        int count = 0;
        var pixels = image.getPixelReader();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((pixels.getArgb(x, y) >>> 24) > 20) {
                    count++;
                }
            }
        }
        return count;
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Pixels close to the pick colour (#ff3b30) in {@code area}, except within {@code radius} of {@code spare}. */
    private static int pickColouredPixels(Image shot, Bounds area, Point2D spare, double radius) {
        PixelReader pixels = shot.getPixelReader();
        int count = 0;
        for (int y = (int) Math.ceil(area.getMinY()); y < Math.min(shot.getHeight(), area.getMaxY()); y++) {
            for (int x = (int) Math.ceil(area.getMinX()); x < Math.min(shot.getWidth(), area.getMaxX()); x++) {
                if (Math.hypot(x - spare.getX(), y - spare.getY()) <= radius) {
                    continue;
                }
                int argb = pixels.getArgb(x, y);
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                if (r > 200 && g < 110 && b < 100) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Bounds areaOf(javafx.scene.Node overlay, ZoomableImagePane pane) {
        return overlay.sceneToLocal(pane.localToScene(pane.getLayoutBounds()));
    }

    @Test
    void anEvaluatedPairOpensAlignedWithItsKeypointsNumberedInTheirOwnPanes(FxRobot robot) throws Exception {
        assumeTrue(samples.size() >= 2, "needs the sample pairs in assets/samples");
        MainViewModel main = window.mainViewModel();
        SamplePair dogHorses = samples.stream().filter(p -> p.name().equals("dog-horses")).findFirst().orElseThrow();
        ReferencePoints truth = new ReferencePoints(dogHorses.source(), dogHorses.target(), "ground truth of a test row", List.of(
                new ReferencePoints.Point(1, new org.learningsa.studio.align.PixelPoint(120, 90),
                        new org.learningsa.studio.align.PixelPoint(200, 150)),
                new ReferencePoints.Point(2, new org.learningsa.studio.align.PixelPoint(500, 400),
                        new org.learningsa.studio.align.PixelPoint(600, 300))));
        robot.interact(() -> main.openPair(new PairToOpen(dogHorses.source(), dogHorses.target(),
                ModelChoice.weightFreeDefault(), null, truth)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dogHorses.target().equals(main.targetPathProperty().get())
                && main.alignmentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, aligner.runs.get(), "aligned in the background, the result was not kept");

        org.learningsa.studio.ui.pair.ReferencePointsLayer layer = robot.lookup("#referencePointsLayer")
                .queryAs(org.learningsa.studio.ui.pair.ReferencePointsLayer.class);
        ZoomableImagePane source = window.pairView().sourcePane();
        ZoomableImagePane target = window.pairView().targetPane();
        for (Point2D[] ends : layer.ringCentres()) {
            assertTrue(areaOf(layer, source).contains(ends[0]), "the keypoint is drawn in the source pane");
            assertTrue(areaOf(layer, target).contains(ends[1]), "its ground-truth match in the target pane");
        }
        robot.interact(() -> source.zoomAt(1.5, source.getWidth() * 0.3, source.getHeight() * 0.4));
        WaitForAsyncUtils.waitForFxEvents();
        List<Point2D[]> rings = layer.ringCentres();
        assertEquals(2, rings.size());
        for (int i = 0; i < 2; i++) {
            ReferencePoints.Point p = truth.points().get(i);
            Point2D expectedSource = layer.sceneToLocal(source.localToScene(source.toPane(p.source().x(), p.source().y())));
            Point2D expectedTarget = layer.sceneToLocal(target.localToScene(target.toPane(p.target().x(), p.target().y())));
            assertEquals(0, expectedSource.distance(rings.get(i)[0]), 1e-6, "source ring through the source pane's zoom");
            assertEquals(0, expectedTarget.distance(rings.get(i)[1]), 1e-6, "target ring through the target pane's own view");
        }
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = layer.snapshot(null, null));
        Point2D ring = rings.get(0)[0];
        int cyan = 0;
        for (int y = (int) ring.getY() - 10; y <= ring.getY() + 10; y++) {
            for (int x = (int) ring.getX() - 10; x <= ring.getX() + 10; x++) {
                javafx.scene.paint.Color c = shot[0].getPixelReader().getColor(x, y);
                cyan += c.getOpacity() > 0.5 && c.getBlue() > 0.7 && c.getGreen() > 0.6 && c.getRed() < 0.3 ? 1 : 0;
            }
        }
        assertTrue(cyan > 20, "a visible ring and number at the keypoint: " + cyan + " pixels");

        robot.interact(() -> main.openSample(samples.get(0)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> samples.get(0).target().equals(main.targetPathProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(layer.ringCentres().isEmpty(), "another pair does not show them");
    }

    private void runAndWait(FxRobot robot) throws Exception {
        assumeTrue(samples.size() >= 2, "needs the sample pairs in assets/samples");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.mainViewModel().targetPixelsProperty().get() != null
                && window.mainViewModel().sourcePixelsProperty().get() != null);
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.mainViewModel().alignmentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
