package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;

/** Records notifications and answers file choosers with a preset file; for view-model tests. */
final class RecordingDialogService implements DialogService {

    final List<Notification> notifications = new ArrayList<>();
    /** The bodies given to {@link #showText}, in order. */
    final List<String> texts = new ArrayList<>();
    /** The folders the save dialogs started in, in order. */
    final List<Path> saveFolders = new ArrayList<>();
    Path fileToOpen;
    /** The answer of save dialogs (none when null). */
    Path fileToSave;

    @Override
    public void notify(Notification notification) {
        notifications.add(notification);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterName, List<String> extensions) {
        return Optional.ofNullable(fileToOpen);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialFolder, String suggestedName, String filterName,
            List<String> extensions) {
        saveFolders.add(initialFolder);
        return Optional.ofNullable(fileToSave);
    }

    /** The answer of {@link #chooseOne} (a cancel when null); the questions' initial answers are recorded. */
    String choice;
    final List<String> choiceInitials = new ArrayList<>();

    @Override
    public Optional<String> chooseOne(String title, String question, List<String> options, String initial) {
        choiceInitials.add(initial);
        return Optional.ofNullable(choice).filter(options::contains);
    }

    @Override
    public void showText(String title, String header, String text) {
        notifications.add(Notification.info(title, header));
        texts.add(text);
    }

    Notification last() {
        return notifications.get(notifications.size() - 1);
    }

    List<Notification> errors() {
        return notifications.stream().filter(n -> n.severity() == Notification.Severity.ERROR).toList();
    }
}
