package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.editing.PointsAutosave;
import org.learningsa.studio.editing.TrainingSetFolder;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.edit.EditViewModel;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/**
 * The editor's save dialogs start in the user's folders, never beside the sample images, and "Add to training
 * set…" asks for the PF-PASCAL class (offering the last one) before it writes the row.
 */
class EditorSaveDialogsTest {

    @TempDir
    Path dir;

    @Test
    void saveDialogsStartInTheUsersFoldersAndTheTrainingSetAsksForTheClass() throws Exception {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/editdialogs"));
        preferences.clear();
        RecordingDialogService answers = new RecordingDialogService();
        EditViewModel editor = new EditViewModel(new ImmediateTaskRunner(), answers, new PointsAutosave(dir.resolve("autosave")));
        editor.files().useFoldersOf(preferences);
        Path samples = Files.createDirectories(dir.resolve("assets/samples"));
        Path a = Files.write(samples.resolve("dog.png"), new byte[] {1, 2, 3});
        Path b = Files.write(samples.resolve("horse.png"), new byte[] {4, 5, 6});
        editor.sourcePixelsProperty().set(new RgbImage(100, 80, new byte[100 * 80 * 3]));
        editor.targetPixelsProperty().set(new RgbImage(100, 80, new byte[100 * 80 * 3]));
        editor.files().sourcePathProperty().set(a);
        editor.files().targetPathProperty().set(b);
        editor.editModeProperty().set(true);
        editor.click(Direction.SOURCE_TO_TARGET, new PixelPoint(20, 30), 1, false);
        editor.click(Direction.TARGET_TO_SOURCE, new PixelPoint(40, 50), 1, false);

        Path exports = Files.createDirectories(dir.resolve("my-points"));
        answers.fileToSave = exports.resolve("pair.points.json");
        Path usersFolder = preferences.saveFolder();
        editor.files().saveAs();
        assertEquals(usersFolder, answers.saveFolders.get(0), "Pictures or home the first time");
        assertTrue(!answers.saveFolders.get(0).startsWith(samples), "not beside the samples: " + answers.saveFolders.get(0));
        assertEquals(exports, preferences.saveFolder(), "the folder the user saved in is remembered " + answers.notifications);

        Path training = Files.createDirectories(dir.resolve("my-training"));
        answers.fileToSave = training.resolve(TrainingSetFolder.CSV_NAME);
        answers.choice = "dog";
        editor.files().addToTrainingSet();
        assertEquals(List.of("aeroplane"), answers.choiceInitials, "asked, with the first class offered the first time");
        assertEquals(exports, answers.saveFolders.get(1), "the training folder dialog starts in the user's last folder");
        String row = Files.readAllLines(training.resolve(TrainingSetFolder.CSV_NAME)).get(1);
        int dogId = TrainingSetFolder.classNames().indexOf("dog") + 1;
        assertTrue(row.contains("," + dogId + ","), "the row has the class the user chose (" + dogId + "): " + row);

        editor.files().addToTrainingSet();
        assertEquals("dog", answers.choiceInitials.get(1), "the last class is offered again");
        assertEquals(training, answers.saveFolders.get(2), "and the last training folder");

        answers.choice = null;
        editor.files().addToTrainingSet();
        assertEquals(3, answers.saveFolders.size(), "cancelling the class question writes nothing and asks no folder");
    }
}
