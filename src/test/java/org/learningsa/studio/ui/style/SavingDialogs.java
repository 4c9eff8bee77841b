package org.learningsa.studio.ui.style;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;

/** Records notifications; a save dialog answers with the suggested name in {@code folder} (none when null). */
public final class SavingDialogs implements DialogService {

    public final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private final Path folder;

    public SavingDialogs(Path folder) {
        this.folder = folder;
    }

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
        return folder == null ? Optional.empty() : Optional.of(folder.resolve(suggestedName));
    }

    @Override
    public void showText(String title, String header, String text) {
    }
}
