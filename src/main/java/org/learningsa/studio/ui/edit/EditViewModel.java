package org.learningsa.studio.ui.edit;

import java.util.Locale;

import org.learningsa.studio.core.InputLimits;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.editing.CorrectedCorrespondence;
import org.learningsa.studio.editing.EditHistory;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.PointEdits;
import org.learningsa.studio.editing.PointsAutosave;
import org.learningsa.studio.editing.PointsDocument;
import org.learningsa.studio.editing.UserPoint;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * The point editor's state without JavaFX nodes: the edit mode, the points and their history, the
 * selection, a half-made point (first click done, the second end proposed at the network's match), and
 * the corrected correspondence that the match list and the overlay follow. Files (autosave, save, exports)
 * are {@link PointsFiles}' job.
 */
public final class EditViewModel {

    /** A point being added: the first click, on {@code side}'s image, and the other end the network proposes. */
    public record Pending(Direction side, PixelPoint start, PixelPoint proposal) {
    }

    /** One end of a point under the pointer. */
    public record Hit(UserPoint point, PointEdits.End end) {
    }

    private final ObjectProperty<Alignment> alignment = new SimpleObjectProperty<>();
    private final ObjectProperty<Readout> readout = new SimpleObjectProperty<>(Readout.FUSED);
    private final ObjectProperty<RgbImage> sourcePixels = new SimpleObjectProperty<>();
    private final ObjectProperty<RgbImage> targetPixels = new SimpleObjectProperty<>();
    private final BooleanProperty editMode = new SimpleBooleanProperty(false);
    private final BooleanProperty trustPoints = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper trustAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<List<UserPoint>> points = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final ReadOnlyObjectWrapper<Pending> pending = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Correspondence> corrected = new ReadOnlyObjectWrapper<>();
    /** What the applications (morph, style, colorize) read: the refined map, or the grid map, through the points. */
    private final ReadOnlyObjectWrapper<Correspondence> applied = new ReadOnlyObjectWrapper<>();
    private final RefinedMap refinedMap;
    private final ObservableList<String> historyLines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final EditHistory history = new EditHistory(List.of());
    private final DialogService dialogs;
    private final PointsFiles files;
    /** The network's correspondence the unlocked network points were last read from. */
    private Correspondence readFrom;

    public EditViewModel(TaskRunner tasks, DialogService dialogs, PointsAutosave autosave) {
        this.dialogs = dialogs;
        this.files = new PointsFiles(this, tasks, dialogs, autosave);
        this.refinedMap = new RefinedMap(tasks, dialogs, this::updateCorrected);
        sourcePixels.addListener(obs -> requestRefinedMap());
        targetPixels.addListener(obs -> requestRefinedMap());
        history.addListener(h -> historyChanged());
        alignment.addListener((obs, old, now) -> networkChanged());
        readout.addListener(obs -> networkChanged());
        trustPoints.addListener(obs -> updateCorrected());
        editMode.addListener((obs, old, now) -> {
            if (!now) {
                pending.set(null);
            }
        });
    }

    /** Applies a loaded document (autosave or file) as the current points, with a fresh history. */
    void load(List<UserPoint> loaded) {
        // loaded points were read from whatever ran before; only a later change of model or readout re-reads them
        readFrom = alignment.get() == null ? null : new NetworkCorrespondence(alignment.get(), readout.get());
        selection.clear();
        pending.set(null);
        history.reset(loaded);
    }

    // --- editing -------------------------------------------------------------------------------

    /**
     * A click on {@code side}'s image at p in edit mode: on a point's end it selects that point (adding to
     * the selection when {@code extend}); with a point being added, a click on the other image places its
     * second end (on the proposal: the network's match is accepted); else it starts a new point there.
     *
     * @param hitRadius how close (image pixels) a click must be to an end to hit it
     */
    public void click(Direction side, PixelPoint p, double hitRadius, boolean extend) {
        if (!editMode.get() || !inside(side, p)) {
            return;
        }
        Pending current = pending.get();
        if (current != null && current.side() != side) {
            boolean onProposal = current.proposal() != null && current.proposal().distance(p) <= hitRadius;
            PixelPoint end = onProposal ? current.proposal() : p;
            PixelPoint source = side == Direction.SOURCE_TO_TARGET ? end : current.start();
            PixelPoint target = side == Direction.SOURCE_TO_TARGET ? current.start() : end;
            UserPoint added = new UserPoint(PointEdits.nextIds(history.points(), 1).get(0), "", source, target,
                    onProposal ? Origin.ACCEPTED : Origin.USER, false);
            pending.set(null);
            history.perform(PointEdits.add(added));
            selection.clear();
            selection.add(added.id());
            return;
        }
        Optional<Hit> hit = hit(side, p, hitRadius);
        if (hit.isPresent()) {
            pending.set(null);
            String id = hit.get().point().id();
            if (!extend) {
                selection.clear();
                selection.add(id);
            } else if (!selection.remove(id)) {
                selection.add(id);
            }
            return;
        }
        if (history.points().size() >= InputLimits.POINTS_MAX_POINTS) {
            // one correction solves at most this many points (and a points file holds no more): say so now,
            // before the user places both ends of a point that could not be applied
            dialogs.notify(Notification.warning("Too many points", String.format(Locale.ROOT,
                    "A correction holds at most %d points; delete some (or merge near ones) to add another.",
                    InputLimits.POINTS_MAX_POINTS)));
            return;
        }
        Correspondence map = corrected.get();
        PixelPoint proposal = map == null ? null : map.map(side, p.x(), p.y());
        pending.set(new Pending(side, p, proposal));
        if (!extend) {
            selection.clear();
        }
    }

    /** Enter: accepts the proposed second end of the point being added. */
    public void acceptProposal() {
        Pending current = pending.get();
        if (current != null && current.proposal() != null) {
            Direction other = current.side().reverse();
            click(other, current.proposal(), 1e-9, false);
        }
    }

    public void cancelPending() {
        pending.set(null);
    }

    /** The nearest point end within {@code radius} image pixels of p on {@code side}'s image. */
    public Optional<Hit> hit(Direction side, PixelPoint p, double radius) {
        Hit best = null;
        double bestDistance = radius;
        for (UserPoint point : history.points()) {
            PixelPoint end = side == Direction.SOURCE_TO_TARGET ? point.source() : point.target();
            double d = end.distance(p);
            if (d <= bestDistance) {
                bestDistance = d;
                best = new Hit(point, side == Direction.SOURCE_TO_TARGET ? PointEdits.End.SOURCE : PointEdits.End.TARGET);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The ids a drag that starts on {@code hit} moves: the whole selection when the point is selected,
     * else that point alone. The selection changes only when the drag ends ({@link #moveBy}).
     */
    public Set<String> dragIds(Hit hit) {
        return selection.contains(hit.point().id()) ? Set.copyOf(selection) : Set.of(hit.point().id());
    }

    /** Ends a drag: one job moving the same end of every dragged point by (dx, dy) image pixels. */
    public void moveBy(Set<String> ids, PointEdits.End end, double dx, double dy) {
        PointsDocument.ImageEntry image = end == PointEdits.End.SOURCE ? sourceEntry() : targetEntry();
        if (image == null || (dx == 0 && dy == 0)) {
            return;
        }
        pending.set(null);
        if (!selection.containsAll(ids)) {
            selection.clear();
            selection.addAll(ids);
        }
        history.perform(PointEdits.moveBy(history.points(), ids, end, dx, dy, image));
    }

    public void deleteSelected() {
        if (!selection.isEmpty()) {
            Set<String> ids = Set.copyOf(selection);
            selection.clear();
            history.perform(PointEdits.delete(history.points(), ids));
        }
    }

    /** Locks the selected points, or unlocks them when all are locked already. */
    public void toggleLockSelected() {
        if (selection.isEmpty()) {
            return;
        }
        boolean allLocked = history.points().stream().filter(p -> selection.contains(p.id())).allMatch(UserPoint::locked);
        history.perform(PointEdits.setLocked(history.points(), Set.copyOf(selection), !allLocked));
    }

    /** Names the one selected point ("left eye"); "" removes the label. */
    public void relabelSelected(String label) {
        if (selection.size() != 1) {
            return;
        }
        String id = selection.iterator().next();
        history.points().stream().filter(p -> p.id().equals(id) && !p.label().equals(label.strip())).findFirst()
                .ifPresent(p -> history.perform(PointEdits.relabel(p, label.strip())));
    }

    /** Takes the network's matches as currently filtered over as editable points, as one job. */
    public void acceptMatches(List<Match> filtered) {
        if (filtered == null || filtered.isEmpty()) {
            dialogs.notify(Notification.warning("No matches to accept", "Run the alignment first; the matches shown "
                    + "(top N, minimum confidence) are the ones accepted."));
            return;
        }
        history.perform(PointEdits.accept(history.points(), filtered.stream().filter(m -> !m.inPadding()).toList()));
    }

    public void selectAll() {
        history.points().forEach(p -> selection.add(p.id()));
    }

    public void undo() {
        pending.set(null);
        history.undo();
    }

    public void redo() {
        pending.set(null);
        history.redo();
    }

    // --- derived state -------------------------------------------------------------------------

    private void historyChanged() {
        List<UserPoint> now = history.points();
        points.set(now);
        selection.removeIf(id -> now.stream().noneMatch(p -> p.id().equals(id)));
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        List<String> lines = new java.util.ArrayList<>(history.doneDescriptions());
        history.undoneDescriptions().forEach(d -> lines.add("(undone) " + d));
        historyLines.setAll(lines);
        updateCorrected();
        files.pointsChanged();
    }

    private void networkChanged() {
        Alignment current = alignment.get();
        Correspondence network = current == null ? null : new NetworkCorrespondence(current, readout.get());
        boolean rerun = readFrom != null && network != null && !network.description().equals(readFrom.description())
                && sameSizes(readFrom, network);
        if (network != null) {
            readFrom = network;
        }
        if (rerun && history.points().stream().anyMatch(p -> !p.locked() && p.origin().reReadOnRerun())) {
            // another model or readout: unlocked network points follow it, as one undoable job
            history.perform(PointEdits.reRead(history.points(), network));
        }
        updateCorrected();
        requestRefinedMap();
    }

    private void requestRefinedMap() {
        refinedMap.request(alignment.get(), readout.get(), sourcePixels.get(), targetPixels.get());
    }

    private static boolean sameSizes(Correspondence a, Correspondence b) {
        return a.source().equals(b.source()) && a.target().equals(b.target());
    }

    private void updateCorrected() {
        Alignment current = alignment.get();
        if (current == null) {
            corrected.set(null);
            applied.set(null);
            trustAvailable.set(false);
            return;
        }
        Correspondence network = new NetworkCorrespondence(current, readout.get());
        Correspondence base = refinedMap.base(current, readout.get());
        List<UserPoint> now = history.points();
        boolean canTrust = CorrectedCorrespondence.canTrust(now, current.source(), current.target());
        try {
            trustAvailable.set(canTrust);
            corrected.set(CorrectedCorrespondence.of(network, now, trustPoints.get() && canTrust));
            applied.set(CorrectedCorrespondence.of(base, now, trustPoints.get() && canTrust));
        } catch (org.learningsa.studio.core.UserFacingException e) {
            // points all but on one line: the spline system is too ill-conditioned to solve; stay local
            trustAvailable.set(false);
            corrected.set(CorrectedCorrespondence.of(network, now, false));
            applied.set(CorrectedCorrespondence.of(base, now, false));
        }
    }

    private boolean inside(Direction side, PixelPoint p) {
        PointsDocument.ImageEntry image = side == Direction.SOURCE_TO_TARGET ? sourceEntry() : targetEntry();
        return image != null && image.contains(p.x(), p.y());
    }

    /** The source image as a points document records it, or null before it is decoded. */
    PointsDocument.ImageEntry sourceEntry() {
        return files.entry(true, sourcePixels.get());
    }

    PointsDocument.ImageEntry targetEntry() {
        return files.entry(false, targetPixels.get());
    }

    // --- properties ----------------------------------------------------------------------------

    public PointsFiles files() {
        return files;
    }

    public EditHistory history() {
        return history;
    }

    public ObjectProperty<Alignment> alignmentProperty() {
        return alignment;
    }

    public ObjectProperty<Readout> readoutProperty() {
        return readout;
    }

    public ObjectProperty<RgbImage> sourcePixelsProperty() {
        return sourcePixels;
    }

    public ObjectProperty<RgbImage> targetPixelsProperty() {
        return targetPixels;
    }

    public BooleanProperty editModeProperty() {
        return editMode;
    }

    public BooleanProperty trustPointsProperty() {
        return trustPoints;
    }

    /** Whether "trust my points" can apply (3 or more points, not all on one line). */
    public ReadOnlyBooleanProperty trustAvailableProperty() {
        return trustAvailable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<UserPoint>> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    public ObservableSet<String> selection() {
        return selection;
    }

    public ReadOnlyObjectProperty<Pending> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** The network's correspondence corrected by the points (the network's own without points); null before a run. */
    /**
     * The map the applications read: the per-pixel refined map (once computed in the background; the grid map
     * until then, or when {@link #refinedMap()} is switched off), through the user's points, which stay exact.
     * {@link #correctedProperty} stays on the grid: it is what the match list shows.
     */
    public ReadOnlyObjectProperty<Correspondence> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    /** The background refinement and its on/off switch. */
    public RefinedMap refinedMap() {
        return refinedMap;
    }

    public ReadOnlyObjectProperty<Correspondence> correctedProperty() {
        return corrected.getReadOnlyProperty();
    }

    /** The history, oldest first; undone edits (redo would replay them) at the end, marked. */
    public ObservableList<String> historyLines() {
        return historyLines;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    DialogService dialogs() {
        return dialogs;
    }
}
