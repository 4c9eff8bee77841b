package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.PointsDocument;
import org.learningsa.studio.editing.PointsFile;
import org.learningsa.studio.editing.UserPoint;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.edit.EditViewModel;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.learningsa.studio.ui.view.ZoomableImagePane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The point editor as a user drives it, headless: add (the second end pre-placed at the network's match),
 * move by dragging, delete, undo, redo, save, and the points back after reopening the window (autosave).
 * The model is {@link SyntheticAligner} (fused readout = identity), so proposals are predictable and fast.
 */
@ExtendWith(ApplicationExtension.class)
class PointEditingTest {

    @TempDir
    static Path dataFolder;

    private final List<SamplePair> samples = SamplePairs.installed();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final SaveAnswers chooser = new SaveAnswers();
    private MainWindow window;
    private String previousData;

    /** Answers "save" choosers with a preset file; records notifications. */
    static final class SaveAnswers implements DialogService {
        volatile Path fileToSave;
        final List<Notification> notifications = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void notify(Notification notification) {
            notifications.add(notification);
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterName, List<String> extensions) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, Path initialFolder, String suggestedName, String filterName,
                List<String> extensions) {
            return Optional.ofNullable(fileToSave);
        }

        @Override
        public void showText(String title, String header, String text) {
        }
    }

    private MainWindow newWindow(Stage stage) {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/edit"));
        preferences.clear();
        SyntheticAligner synthetic = new SyntheticAligner();
        AlignerCatalog catalog = new AlignerCatalog() {
            @Override
            public List<ModelChoice> available() {
                return List.of(new ModelChoice("synthetic", "synthetic test model", null));
            }

            @Override
            public Aligner load(ModelChoice choice, ProgressListener progress, CancelToken cancel) {
                return synthetic;
            }
        };
        MainWindow created = new MainWindow(samples, catalog, tasks, preferences, fx -> new ForwardingDialogService(fx, chooser));
        created.show(stage);
        return created;
    }

    @Start
    void start(Stage stage) {
        // the autosave goes to a temporary user data folder, not the real one
        previousData = System.getProperty("lsa.data");
        System.setProperty("lsa.data", dataFolder.toString());
        window = newWindow(stage);
    }

    @AfterEach
    void stop() {
        tasks.close();
        if (previousData == null) {
            System.clearProperty("lsa.data");
        } else {
            System.setProperty("lsa.data", previousData);
        }
    }

    @Test
    void addMoveDeleteUndoRedoSaveAndReload(FxRobot robot) throws Exception {
        EditViewModel editor = window.editViewModel();
        runAndWait(robot);
        ZoomableImagePane source = robot.lookup("#sourcePane").queryAs(ZoomableImagePane.class);
        ZoomableImagePane target = robot.lookup("#targetPane").queryAs(ZoomableImagePane.class);
        robot.clickOn("#editModeToggle");
        assertTrue(editor.editModeProperty().get());

        // add: a click in the source proposes the network's match (identity here) and shows its heatmap
        PixelPoint first = new PixelPoint(source.imageWidth() * 0.3, source.imageHeight() * 0.4);
        robot.clickOn(screen(source, first));
        WaitForAsyncUtils.waitForFxEvents();
        EditViewModel.Pending pending = editor.pendingProperty().get();
        assertNotNull(pending, "the first click starts a point");
        assertNotNull(pending.proposal());
        assertTrue(target.isHeatmapShown(), "the heatmap of the clicked point shows over the target");
        // one click on the proposal accepts it
        robot.clickOn(screen(target, pending.proposal()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, points(editor).size());
        assertEquals(Origin.ACCEPTED, points(editor).get(0).origin());
        assertEquals(pending.proposal(), points(editor).get(0).target(), "accepted exactly at the proposal");

        // a second point whose target the user places elsewhere
        PixelPoint second = new PixelPoint(source.imageWidth() * 0.65, source.imageHeight() * 0.55);
        robot.clickOn(screen(source, second));
        PixelPoint placed = new PixelPoint(target.imageWidth() * 0.7, target.imageHeight() * 0.5);
        robot.clickOn(screen(target, placed));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, points(editor).size());
        UserPoint p2 = points(editor).get(1);
        assertEquals(Origin.USER, p2.origin());
        assertEquals(placed.x(), p2.target().x(), 1.5 / target.scaleProperty().get() + 0.6);

        // move: drag p2's target end 40 screen pixels to the right
        Point2D grab = screen(target, p2.target());
        robot.drag(grab, MouseButton.PRIMARY).moveTo(grab.add(20, 0)).moveTo(grab.add(40, 0)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        UserPoint moved = points(editor).get(1);
        assertEquals(p2.target().x() + 40 / target.scaleProperty().get(), moved.target().x(),
                2 / target.scaleProperty().get(), "moved by the drag");
        assertEquals(p2.source(), moved.source(), "the other end stays");

        // the matches and the map follow the corrected correspondence
        PixelPoint mapped = editor.correctedProperty().get().map(Direction.SOURCE_TO_TARGET, moved.source().x(), moved.source().y());
        assertTrue(mapped.distance(moved.target()) < 0.01, "the corrected map goes through the user's point");
        List<Match> shown = window.pairView().overlay().shown().matches().matches();
        List<Match> network = window.displayViewModel().filteredNetworkMatchesProperty().get().matches();
        long changed = java.util.stream.IntStream.range(0, shown.size())
                .filter(i -> shown.get(i).target().distance(network.get(i).target()) > 1).count();
        assertTrue(changed > 0, "matches near the moved point are drawn where the correction puts them");

        // delete p1: click its source end to select it, then Delete
        robot.clickOn(screen(source, points(editor).get(0).source()));
        assertEquals(java.util.Set.of("p1"), editor.selection());
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("p2"), ids(editor));

        // undo, redo (both shortcuts)
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("p1", "p2"), ids(editor));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("p2"), ids(editor));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("p2"), ids(editor));
        ListView<?> history = robot.lookup("#historyList").queryAs(ListView.class);
        assertEquals(List.of("Add p1", "Add p2", "Move p2", "Delete p1"), history.getItems());

        // lock it, then save to a file of the user's choice
        robot.clickOn(screen(source, points(editor).get(0).source()));
        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(points(editor).get(0).locked());
        Path saved = dataFolder.resolve("pair.points.json");
        chooser.fileToSave = saved;
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(saved));
        PointsDocument document = PointsFile.read(saved);
        assertTrue(sameWithinFileRounding(points(editor), document.points()), document.points().toString());
        assertTrue(chooser.notifications.stream().noneMatch(n -> n.severity() == Notification.Severity.ERROR),
                chooser.notifications.toString());

        // reopen: a new window on the same pair finds the points in the autosave
        List<UserPoint> before = points(editor);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            try (var files = Files.list(dataFolder.resolve("points"))) {
                return files.anyMatch(f -> f.toString().endsWith(".json"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        MainWindow[] reopened = new MainWindow[1];
        robot.interact(() -> {
            window.stage().close();
            reopened[0] = newWindow(new Stage());
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sameWithinFileRounding(before, points(reopened[0].editViewModel())));
    }

    @Test
    void theInspectorReportsTheUsersPointPlacedOrDraggedAndNoMarkerOutlivesAnUndo(FxRobot robot) throws Exception {
        EditViewModel editor = window.editViewModel();
        runAndWait(robot);
        ZoomableImagePane source = robot.lookup("#sourcePane").queryAs(ZoomableImagePane.class);
        ZoomableImagePane target = robot.lookup("#targetPane").queryAs(ZoomableImagePane.class);
        javafx.scene.control.Label point = robot.lookup("#inspectorPoint").queryAs(javafx.scene.control.Label.class);
        robot.clickOn("#editModeToggle");
        // the autosave may bring the other test's points back: this one adds its own and undoes back to these
        List<UserPoint> before = points(editor);

        // place a target away from the network's proposal (identity here)
        PixelPoint start = new PixelPoint(source.imageWidth() * 0.3, source.imageHeight() * 0.4);
        robot.clickOn(screen(source, start));
        PixelPoint placed = new PixelPoint(target.imageWidth() * 0.7, target.imageHeight() * 0.6);
        robot.clickOn(screen(target, placed));
        WaitForAsyncUtils.waitForFxEvents();
        UserPoint p1 = points(editor).get(points(editor).size() - 1);
        assertTrue(point.getText().startsWith("Point " + p1.id() + " (yours): source ") && point.getText().contains(
                org.learningsa.studio.ui.pair.InspectorPanel.format(p1.target())),
                "the inspector reports the placed target: " + point.getText());
        assertEquals(List.of(), window.pairView().overlay().pickMarks(), "no network pick line to the old proposal");

        // while the target end is dragged the inspector reports the dragged point, not a backward match
        Point2D grab = screen(target, p1.target());
        robot.drag(grab, MouseButton.PRIMARY).moveTo(grab.add(15, 0)).moveTo(grab.add(30, 0));
        WaitForAsyncUtils.waitForFxEvents();
        String whileDragging = point.getText();
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(whileDragging.startsWith("Point " + p1.id() + " (yours, moving): source " + org.learningsa.studio.ui.pair.InspectorPanel.format(p1.source())),
                "while dragging: " + whileDragging);
        assertTrue(!whileDragging.contains("Target point"), whileDragging);

        // undo the move and the add: no marker stays where the point was
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, points(editor));
        assertEquals(List.of(), window.pairView().overlay().pickMarks(), "no marker where the removed point was");
        assertEquals(null, window.inspectorViewModel().inspectionProperty().get());
    }

    private void runAndWait(FxRobot robot) throws Exception {
        ImageView source = robot.lookup("#sourceView").queryAs(ImageView.class);
        ImageView target = robot.lookup("#targetView").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> loaded(source.getImage()) && loaded(target.getImage()));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.mainViewModel().alignmentProperty().get() != null
                && window.editViewModel().correctedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D screen(ZoomableImagePane pane, PixelPoint p) {
        return pane.localToScreen(pane.toPane(p.x(), p.y()));
    }

    private static List<UserPoint> points(EditViewModel editor) {
        return editor.pointsProperty().get();
    }

    private static List<String> ids(EditViewModel editor) {
        return points(editor).stream().map(UserPoint::id).toList();
    }

    /** Files keep coordinates to 1/1000 px; everything else exactly. */
    private static boolean sameWithinFileRounding(List<UserPoint> expected, List<UserPoint> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            UserPoint e = expected.get(i);
            UserPoint a = actual.get(i);
            if (!e.id().equals(a.id()) || e.origin() != a.origin() || e.locked() != a.locked() || !e.label().equals(a.label())
                    || e.source().distance(a.source()) > 1e-3 || e.target().distance(a.target()) > 1e-3) {
                return false;
            }
        }
        return true;
    }

    private static boolean loaded(Image image) {
        return image != null && image.getProgress() >= 1.0 && !image.isError();
    }
}
