package org.learningsa.studio.ui.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.editing.PointsAutosave;
import org.learningsa.studio.editing.TrainingSetFolder;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.StudioPreferences;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/**
 * The editor's save dialogs start in the user's folders, never beside the sample images, and "Add to training
 * set…" asks for the PF-PASCAL class (offering the last one) before it writes the row.
 */
class EditorSaveDialogsTest {

    @TempDir
    Path dir;

    /** Answers save dialogs with {@link #save} and the class question with {@link #classAnswer}; records both. */
    private final class Answers implements DialogService {
        final List<Path> saveFolders = new ArrayList<>();
        final List<String> classOffered = new ArrayList<>();
        final List<Notification> notifications = new ArrayList<>();
        Path save;
        String classAnswer;

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
            saveFolders.add(folder);
            return Optional.ofNullable(save);
        }

        @Override
        public Optional<String> chooseOne(String title, String question, List<String> options, String initial) {
            classOffered.add(initial);
            return Optional.ofNullable(classAnswer);
        }

        @Override
        public void showText(String title, String header, String text) {
        }
    }

    @Test
    void saveDialogsStartInTheUsersFoldersAndTheTrainingSetAsksForTheClass() throws Exception {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/editdialogs"));
        preferences.clear();
        Answers answers = new Answers();
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
        answers.save = exports.resolve("pair.points.json");
        Path usersFolder = preferences.saveFolder();
        editor.files().saveAs();
        assertEquals(usersFolder, answers.saveFolders.get(0), "Pictures or home the first time");
        assertTrue(!answers.saveFolders.get(0).startsWith(samples), "not beside the samples: " + answers.saveFolders.get(0));
        assertEquals(exports, preferences.saveFolder(), "the folder the user saved in is remembered " + answers.notifications);

        Path training = Files.createDirectories(dir.resolve("my-training"));
        answers.save = training.resolve(TrainingSetFolder.CSV_NAME);
        answers.classAnswer = "dog";
        editor.files().addToTrainingSet();
        assertEquals(List.of("aeroplane"), answers.classOffered, "asked, with the first class offered the first time");
        assertEquals(exports, answers.saveFolders.get(1), "the training folder dialog starts in the user's last folder");
        String row = Files.readAllLines(training.resolve(TrainingSetFolder.CSV_NAME)).get(1);
        int dogId = TrainingSetFolder.classNames().indexOf("dog") + 1;
        assertTrue(row.contains("," + dogId + ","), "the row has the class the user chose (" + dogId + "): " + row);

        editor.files().addToTrainingSet();
        assertEquals("dog", answers.classOffered.get(1), "the last class is offered again");
        assertEquals(training, answers.saveFolders.get(2), "and the last training folder");

        answers.classAnswer = null;
        editor.files().addToTrainingSet();
        assertEquals(3, answers.saveFolders.size(), "cancelling the class question writes nothing and asks no folder");
    }
}
