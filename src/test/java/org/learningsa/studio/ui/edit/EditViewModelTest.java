package org.learningsa.studio.ui.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.editing.CorrectedCorrespondence;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.PointsAutosave;
import org.learningsa.studio.editing.UserPoint;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.SyntheticAligner;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/** The editor's view model without a window: clicks, re-runs, trust, autosave by content. */
class EditViewModelTest {

    private static final int W = 200;
    private static final int H = 160;

    @TempDir
    Path dir;

    private final List<Notification> notifications = new java.util.ArrayList<>();
    private final DialogService dialogs = new DialogService() {
        @Override
        public void notify(Notification notification) {
            notifications.add(notification);
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, Path folder, String filter, List<String> extensions) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, Path folder, String name, String filter, List<String> ext) {
            return Optional.empty();
        }

        @Override
        public void showText(String title, String header, String text) {
        }
    };

    private EditViewModel editor(Path autosaveFolder) throws Exception {
        EditViewModel editor = new EditViewModel(new ImmediateTaskRunner(), dialogs, new PointsAutosave(autosaveFolder));
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        if (!Files.exists(a)) {
            Files.write(a, new byte[] {1, 2, 3});
            Files.write(b, new byte[] {4, 5, 6});
        }
        editor.sourcePixelsProperty().set(new RgbImage(W, H, new byte[W * H * 3]));
        editor.targetPixelsProperty().set(new RgbImage(W, H, new byte[W * H * 3]));
        editor.files().sourcePathProperty().set(a);
        editor.files().targetPathProperty().set(b);
        return editor;
    }

    private static Alignment synthetic(String name) {
        var outputs = SyntheticAligner.outputs();
        return Alignment.fromOutputs(new ImageRef(null, W, H), new ImageRef(null, W, H), name, false, outputs::get);
    }

    /**
     * After a run the refined per-pixel map is computed in the background (here at once) and is what the
     * applications read, through the user's points (exact at them); the match list's map stays the grid;
     * the View menu's switch goes back to the grid map.
     */
    @Test
    void theApplicationsReadTheRefinedMapThroughThePointsAndTheSwitchGoesBackToTheGrid() throws Exception {
        EditViewModel editor = editor(dir.resolve("autosave"));
        RgbImage texture = org.learningsa.studio.align.dense.SyntheticPairs.texture(W, H, 3);
        editor.sourcePixelsProperty().set(texture);
        editor.targetPixelsProperty().set(texture);
        editor.alignmentProperty().set(synthetic("model A"));
        assertInstanceOf(NetworkCorrespondence.class, editor.correctedProperty().get(), "the match list's map");
        assertInstanceOf(org.learningsa.studio.align.dense.DenseCorrespondence.class,
                editor.appliedProperty().get(), "the applications' map");
        editor.editModeProperty().set(true);
        editor.click(Direction.SOURCE_TO_TARGET, new PixelPoint(50, 40), 2, false);
        editor.click(Direction.TARGET_TO_SOURCE, new PixelPoint(80, 60), 2, false);
        CorrectedCorrespondence applied = assertInstanceOf(CorrectedCorrespondence.class,
                editor.appliedProperty().get());
        assertInstanceOf(org.learningsa.studio.align.dense.DenseCorrespondence.class, applied.network());
        PixelPoint atPoint = applied.map(Direction.SOURCE_TO_TARGET, 50, 40);
        assertEquals(80, atPoint.x(), 0.01, "a user point stays exact on the refined map");
        assertEquals(60, atPoint.y(), 0.01);
        editor.refinedMap().enabledProperty().set(false);
        CorrectedCorrespondence grid = assertInstanceOf(CorrectedCorrespondence.class,
                editor.appliedProperty().get());
        assertInstanceOf(NetworkCorrespondence.class, grid.network(), "switched off: the grid map");
    }

    @Test
    void twoClicksAddAPointAndTheCorrectedMapGoesThroughIt() throws Exception {
        EditViewModel editor = editor(dir.resolve("autosave"));
        editor.alignmentProperty().set(synthetic("model A"));
        assertInstanceOf(NetworkCorrespondence.class, editor.correctedProperty().get(), "no points: the network's own");
        editor.click(Direction.SOURCE_TO_TARGET, new PixelPoint(50, 40), 2, false);
        assertNull(editor.pendingProperty().get(), "outside edit mode a click adds nothing");
        editor.editModeProperty().set(true);
        editor.click(Direction.SOURCE_TO_TARGET, new PixelPoint(50, 40), 2, false);
        PixelPoint proposal = editor.pendingProperty().get().proposal();
        editor.click(Direction.TARGET_TO_SOURCE, new PixelPoint(proposal.x() + 1, proposal.y()), 2, false);
        UserPoint accepted = editor.pointsProperty().get().get(0);
        assertEquals(Origin.ACCEPTED, accepted.origin(), "a click within the hit radius of the proposal accepts it");
        assertEquals(proposal, accepted.target());

        editor.click(Direction.TARGET_TO_SOURCE, new PixelPoint(150, 100), 2, false);
        editor.click(Direction.SOURCE_TO_TARGET, new PixelPoint(120, 90), 2, false);
        UserPoint placed = editor.pointsProperty().get().get(1);
        assertEquals(new PixelPoint(120, 90), placed.source(), "started on the target side: the source is the second click");
        assertEquals(Origin.USER, placed.origin());
        assertTrue(editor.correctedProperty().get().map(Direction.TARGET_TO_SOURCE, 150, 100).distance(placed.source()) < 0.01);
        assertInstanceOf(CorrectedCorrespondence.class, editor.correctedProperty().get());
        assertFalse(editor.trustAvailableProperty().get(), "two points cannot be trusted");

        editor.relabelSelected("  front wheel ");
        assertEquals("front wheel", editor.pointsProperty().get().get(1).label(), "the new point is selected; trimmed");
        assertEquals("Label p2 \"front wheel\"", editor.history().undoDescription());
    }

    @Test
    void aPointBeyondTheMostOneCorrectionSolvesIsRefusedWithANotice() throws Exception {
        EditViewModel editor = editor(dir.resolve("autosave"));
        editor.alignmentProperty().set(synthetic("model A"));
        List<UserPoint> full = new java.util.ArrayList<>();
        for (int k = 0; k < org.learningsa.studio.core.InputLimits.POINTS_MAX_POINTS; k++) {
            PixelPoint at = new PixelPoint(4 + 8 * (k % 24), 4 + 6 * (k / 24));
            full.add(new UserPoint("p" + (k + 1), "", at, at, Origin.USER, false));
        }
        editor.load(full);
        editor.editModeProperty().set(true);
        editor.click(Direction.SOURCE_TO_TARGET, new PixelPoint(101, 151), 2, false);
        assertNull(editor.pendingProperty().get(), "no second end is asked for a point that could not be applied");
        assertEquals(full.size(), editor.pointsProperty().get().size());
        assertTrue(notifications.stream().anyMatch(n -> n.title().equals("Too many points")), notifications.toString());
        assertInstanceOf(CorrectedCorrespondence.class, editor.correctedProperty().get(), "the points still apply");
    }

    @Test
    void aRunWithAnotherModelReReadsOnlyUnlockedNetworkPoints() throws Exception {
        EditViewModel editor = editor(dir.resolve("autosave"));
        editor.alignmentProperty().set(synthetic("model A"));
        editor.editModeProperty().set(true);
        editor.acceptMatches(new GridMatches(synthetic("model A")).threeInTheMiddle());
        assertEquals(3, editor.pointsProperty().get().size());
        editor.selection().clear();
        editor.selection().add("p1");
        editor.toggleLockSelected();
        List<UserPoint> before = editor.pointsProperty().get();
        // level 2 of the synthetic model maps one cell to the right of the fused readout
        editor.readoutProperty().set(Readout.LEVEL_2);
        List<UserPoint> after = editor.pointsProperty().get();
        assertEquals(before.get(0), after.get(0), "locked: kept");
        assertTrue(after.get(1).target().x() > before.get(1).target().x() + 5, "unlocked accepted point re-read");
        assertEquals("Re-read 2 network points", editor.history().undoDescription());
        editor.undo();
        assertEquals(before, editor.pointsProperty().get());
    }

    @Test
    void threePointsCanBeTrustedAndThePointsComeBackForTheSameImages() throws Exception {
        Path autosave = dir.resolve("autosave");
        EditViewModel editor = editor(autosave);
        editor.alignmentProperty().set(synthetic("model A"));
        editor.editModeProperty().set(true);
        double[][] clicks = {{20, 20, 40, 30}, {180, 30, 170, 50}, {100, 140, 90, 120}};
        for (double[] c : clicks) {
            editor.click(Direction.SOURCE_TO_TARGET, new PixelPoint(c[0], c[1]), 2, false);
            editor.click(Direction.TARGET_TO_SOURCE, new PixelPoint(c[2], c[3]), 0.5, false);
        }
        assertTrue(editor.trustAvailableProperty().get());
        editor.trustPointsProperty().set(true);
        assertTrue(((CorrectedCorrespondence) editor.correctedProperty().get()).trustPoints());
        assertTrue(notifications.isEmpty(), notifications.toString());

        EditViewModel reopened = editor(autosave);
        assertEquals(3, reopened.pointsProperty().get().size(), "restored from the autosave, keyed by the files' content");
        assertEquals(new PixelPoint(170, 50), reopened.pointsProperty().get().get(1).target());
        assertFalse(reopened.history().canUndo(), "a restored document starts a fresh history");
    }

    /** The synthetic model's first three grid matches, as the display would list them. */
    private record GridMatches(Alignment alignment) {
        List<org.learningsa.studio.align.Match> threeInTheMiddle() {
            return alignment.matches(Readout.FUSED, org.learningsa.studio.align.ConfidenceKind.PEAK_PROBABILITY).matches()
                    .subList(40, 43);
        }
    }

    @Test
    void beforeARunThereIsNoCorrespondenceAfterItTheNetworksOwn() throws Exception {
        EditViewModel editor = editor(dir.resolve("autosave"));
        assertNull(editor.correctedProperty().get(), "nothing before a run");
        Alignment alignment = synthetic("model A");
        editor.alignmentProperty().set(alignment);
        assertSame(alignment, ((NetworkCorrespondence) editor.correctedProperty().get()).alignment());
    }
}
