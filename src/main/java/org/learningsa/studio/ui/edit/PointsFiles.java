package org.learningsa.studio.ui.edit;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.editing.ImageHashes;
import org.learningsa.studio.editing.PointsAutosave;
import org.learningsa.studio.editing.PointsDocument;
import org.learningsa.studio.editing.PointsExport;
import org.learningsa.studio.editing.PointsFile;
import org.learningsa.studio.editing.TrainingSetFolder;
import org.learningsa.studio.editing.UserPoint;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * The editor's files: the pair's identity (both images' SHA-256, computed on a worker), the autosave
 * after every change (atomic, in the user data folder, one write at a time), Save / Save as / Open,
 * the CSV export and "Add this pair to a training set…". Every file operation runs on a worker.
 */
public final class PointsFiles {

    private final EditViewModel editor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final PointsAutosave autosave;
    private final ObjectProperty<Path> sourcePath = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> targetPath = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Path> savedFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private String sourceSha = "";
    private String targetSha = "";
    private int pairGeneration;
    /** While a loaded document is applied, the change it makes is not written back. */
    private boolean loading;
    private boolean autosaveRunning;
    private boolean autosaveAgain;
    /** Points to show for a pair about to open when it has no autosave (a batch row's transferred keypoints). */
    private PendingPoints pending;

    private record PendingPoints(Path source, Path target, Path file) {
        boolean isFor(Path s, Path t) {
            return s != null && t != null && same(source, s) && same(target, t);
        }

        private static boolean same(Path a, Path b) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Where save dialogs start when no points file was saved or opened yet (the user's last save folder). */
    private java.util.function.Supplier<Path> saveFolder = org.learningsa.studio.core.AppPaths::userHome;
    private java.util.function.Consumer<Path> rememberSave = file -> { };
    private org.learningsa.studio.ui.StudioPreferences preferences;

    PointsFiles(EditViewModel editor, TaskRunner tasks, DialogService dialogs, PointsAutosave autosave) {
        this.editor = editor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.autosave = autosave;
        sourcePath.addListener(obs -> pairChanged());
        targetPath.addListener(obs -> pairChanged());
    }

    /**
     * Save dialogs start in the user's last save folder (never the app's samples) and remember where the user
     * saved; the training folder and the PF-PASCAL class of "Add to training set…" are remembered too.
     */
    public void useFoldersOf(org.learningsa.studio.ui.StudioPreferences preferences) {
        this.preferences = preferences;
        this.saveFolder = preferences::saveFolder;
        this.rememberSave = preferences::rememberSave;
    }

    /** Another pair: its points (autosaved before, if any) replace the current ones once both are hashed. */
    private void pairChanged() {
        int generation = ++pairGeneration;
        sourceSha = "";
        targetSha = "";
        savedFile.set(null);
        apply(List.of());
        Path source = sourcePath.get();
        Path target = targetPath.get();
        if (source == null || target == null) {
            status.set("");
            return;
        }
        PendingPoints offered = pending != null && pending.isFor(source, target) ? pending : null;
        if (offered != null) {
            pending = null;
        }
        tasks.submit(BackgroundTask.of("Looking for saved points", (progress, cancel) -> {
            String s = ImageHashes.sha256(source);
            String t = ImageHashes.sha256(target);
            PointsDocument saved = autosave.load(s, t).orElse(null);
            // the user's own review of the pair (its autosave) wins over the offered points it started from
            PointsDocument offeredPoints = saved == null && offered != null ? PointsFile.read(offered.file()) : null;
            return new Object[] {s, t, saved, offeredPoints};
        }).onSuccess(result -> {
            if (generation != pairGeneration) {
                return;
            }
            sourceSha = (String) result[0];
            targetSha = (String) result[1];
            PointsDocument saved = (PointsDocument) result[2];
            PointsDocument offeredPoints = (PointsDocument) result[3];
            if (saved != null) {
                apply(saved.points());
                status.set(saved.points().size() + " points restored from the autosave");
            } else if (offeredPoints != null) {
                // applied as an edit would be, so the autosave keeps them from now on
                editor.load(offeredPoints.points());
                status.set(offeredPoints.points().size() + " points opened from " + offered.file());
            } else {
                status.set("");
            }
        }).onFailure(error -> dialogs.notify(Notification.error("Cannot restore the pair's points", error))));
    }

    private void apply(List<UserPoint> points) {
        loading = true;
        try {
            editor.load(points);
        } finally {
            loading = false;
        }
    }

    /** After every edit: autosave, one write at a time (a change during a write is written after it). */
    void pointsChanged() {
        if (loading || sourceSha.isEmpty() || targetSha.isEmpty()) {
            return;
        }
        if (autosaveRunning) {
            autosaveAgain = true;
            return;
        }
        PointsDocument document = document();
        if (document == null) {
            return;
        }
        autosaveRunning = true;
        tasks.submit(BackgroundTask.of("Autosaving points", (progress, cancel) -> autosave.save(document))
                .onSuccess(file -> autosaveDone(null))
                .onFailure(this::autosaveDone));
    }

    private void autosaveDone(Throwable error) {
        autosaveRunning = false;
        if (error != null) {
            dialogs.notify(Notification.error("Autosave failed", error));
        } else {
            status.set(savedFile.get() == null ? "Autosaved" : "Autosaved; saved as " + savedFile.get().getFileName());
        }
        if (autosaveAgain) {
            autosaveAgain = false;
            pointsChanged();
        }
    }

    /** The current points with both images, or null while an image is not decoded yet. */
    public PointsDocument document() {
        PointsDocument.ImageEntry source = editor.sourceEntry();
        PointsDocument.ImageEntry target = editor.targetEntry();
        return source == null || target == null ? null : new PointsDocument(source, target, editor.history().points());
    }

    PointsDocument.ImageEntry entry(boolean source, RgbImage pixels) {
        if (pixels == null) {
            return null;
        }
        return new PointsDocument.ImageEntry(source ? sourcePath.get() : targetPath.get(), pixels.width(), pixels.height(),
                source ? sourceSha : targetSha);
    }

    /** File → Save points: to the file chosen before, else as Save as. */
    public void save() {
        if (savedFile.get() == null) {
            saveAs();
        } else {
            writeTo(savedFile.get());
        }
    }

    public void saveAs() {
        PointsDocument document = requireDocument();
        if (document == null) {
            return;
        }
        dialogs.chooseFileToSave("Save points", folder(), stem(sourcePath.get()) + "-" + stem(targetPath.get())
                + ".points.json", "Points files", List.of("*.json")).ifPresent(this::writeTo);
    }

    /** Writes the points to {@code file} (on a worker) and remembers it for Save. */
    public void writeTo(Path file) {
        PointsDocument document = requireDocument();
        if (document == null) {
            return;
        }
        tasks.submit(BackgroundTask.of("Saving " + file.getFileName(), (progress, cancel) -> {
            PointsFile.write(file, document);
            return file;
        }).onSuccess(written -> {
            rememberSave.accept(written);
            savedFile.set(written);
            status.set(document.points().size() + " points saved to " + written.getFileName());
        }).onFailure(error -> dialogs.notify(Notification.error("Cannot save the points", error))));
    }

    /**
     * Shows the points of {@code file} when the pair {@code source} → {@code target} opens next and has no autosave
     * (File → Open batch results… opens a row with its transferred keypoints); when that pair is open already
     * without points, shows them now.
     */
    public void offerForPair(Path source, Path target, Path file) {
        PendingPoints offer = new PendingPoints(source, target, file);
        if (offer.isFor(sourcePath.get(), targetPath.get())) {
            if (editor.history().points().isEmpty()) {
                openFile(file);
            }
            return;
        }
        pending = offer;
    }

    /** File → Open points…: replaces the points by a file's, when it was made for images of these sizes. */
    public void open() {
        dialogs.chooseFileToOpen("Open points", folder(), "Points files", List.of("*.json")).ifPresent(this::openFile);
    }

    public void openFile(Path file) {
        PointsDocument current = requireDocument();
        if (current == null) {
            return;
        }
        tasks.submit(BackgroundTask.of("Opening " + file.getFileName(), (progress, cancel) -> {
            PointsDocument read = PointsFile.read(file);
            if (read.source().width() != current.source().width() || read.source().height() != current.source().height()
                    || read.target().width() != current.target().width()
                    || read.target().height() != current.target().height()) {
                throw new UserFacingException(file + " was made for images of " + read.source().width() + "x"
                        + read.source().height() + " and " + read.target().width() + "x" + read.target().height()
                        + "; the open pair is " + current.source().width() + "x" + current.source().height() + " and "
                        + current.target().width() + "x" + current.target().height());
            }
            return read;
        }).onSuccess(read -> {
            editor.load(read.points());
            savedFile.set(file);
            status.set(read.points().size() + " points opened from " + file.getFileName());
        }).onFailure(error -> dialogs.notify(Notification.error("Cannot open the points", error))));
    }

    /** File → Export points as CSV…: {@code x_source,y_source,x_target,y_target,label,origin}. */
    public void exportCsv() {
        PointsDocument document = requireDocument();
        if (document == null) {
            return;
        }
        dialogs.chooseFileToSave("Export points as CSV", folder(), stem(sourcePath.get()) + "-" + stem(targetPath.get())
                + ".points.csv", "CSV files", List.of("*.csv")).ifPresent(file ->
                tasks.submit(BackgroundTask.of("Exporting " + file.getFileName(), (progress, cancel) -> {
                    PointsExport.writePlainCsv(file, document.points());
                    return file;
                }).onSuccess(written -> {
                    rememberSave.accept(written);
                    dialogs.notify(Notification.info("Exported", document.points().size()
                        + " points written to " + written + "."));
                })
                  .onFailure(error -> dialogs.notify(Notification.error("Export failed", error)))));
    }

    /**
     * "Add this pair to a training set…": asks for the pair's PF-PASCAL class (the last one offered first), then
     * for the folder's {@value TrainingSetFolder#CSV_NAME} (new or existing, starting in the last training folder);
     * the images are copied into it and the pair's row appended.
     */
    public void addToTrainingSet() {
        PointsDocument document = requireDocument();
        if (document == null) {
            return;
        }
        List<String> classes = TrainingSetFolder.classNames();
        String last = preferences == null ? classes.get(0) : preferences.get(TRAINING_CLASS_KEY, classes.get(0));
        java.util.Optional<String> chosenClass = dialogs.chooseOne("Add to training set",
                "Which PF-PASCAL class do these images show?", classes, last);
        if (chosenClass.isEmpty()) {
            return;
        }
        if (preferences != null) {
            preferences.put(TRAINING_CLASS_KEY, chosenClass.get());
        }
        int classId = classes.indexOf(chosenClass.get()) + 1;
        Path start = preferences == null ? saveFolder.get() : java.util.Optional.of(preferences.get(TRAINING_FOLDER_KEY, ""))
                .filter(s -> !s.isEmpty()).map(Path::of).filter(java.nio.file.Files::isDirectory).orElseGet(saveFolder);
        dialogs.chooseFileToSave("Add this pair to a training set (choose or create the folder)", start,
                TrainingSetFolder.CSV_NAME, "PF-PASCAL training CSV", List.of("*.csv")).ifPresent(chosen -> {
                    Path folder = chosen.toAbsolutePath().getParent();
                    if (preferences != null) {
                        preferences.put(TRAINING_FOLDER_KEY, folder.toString());
                    }
                    tasks.submit(BackgroundTask.of("Adding the pair to " + folder.getFileName(), (progress, cancel) ->
                            TrainingSetFolder.addPair(folder, document, classId))
                            .onSuccess(row -> dialogs.notify(Notification.info("Added to the training set",
                                    "The pair and its " + document.points().size() + " points are in " + folder
                                            + ". Train on it with: lsa train --benchmark pf-pascal --data " + folder)))
                            .onFailure(error -> dialogs.notify(Notification.error("Cannot add the pair", error))));
                });
    }

    private PointsDocument requireDocument() {
        PointsDocument document = document();
        if (document == null) {
            dialogs.notify(Notification.warning("No pair", "Open a source and a target image first."));
        }
        return document;
    }

    /** The folder of the points file saved or opened last, else the user's last save folder; never the samples. */
    private Path folder() {
        return savedFile.get() != null ? savedFile.get().toAbsolutePath().getParent() : saveFolder.get();
    }

    static final String TRAINING_CLASS_KEY = "trainingSet.class";
    static final String TRAINING_FOLDER_KEY = "trainingSet.folder";

    private static String stem(Path file) {
        String name = file == null ? "image" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public ObjectProperty<Path> sourcePathProperty() {
        return sourcePath;
    }

    public ObjectProperty<Path> targetPathProperty() {
        return targetPath;
    }

    /** The file Save writes to; null until Save as or Open. */
    public ReadOnlyObjectProperty<Path> savedFileProperty() {
        return savedFile.getReadOnlyProperty();
    }

    /** One line for the edit panel: restored, autosaved, saved. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
