package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;

/**
 * Shows notifications in the real window but answers file choosers like {@code chooser} (no native
 * dialogs in tests); texts are shown in the window and also handed to {@code chooser} (which records them).
 */
final class ForwardingDialogService implements DialogService {

    private final DialogService window;
    private final DialogService chooser;

    ForwardingDialogService(DialogService window, DialogService chooser) {
        this.window = window;
        this.chooser = chooser;
    }

    @Override
    public void notify(Notification notification) {
        window.notify(notification);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterName, List<String> extensions) {
        return chooser.chooseFileToOpen(title, initialFolder, filterName, extensions);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialFolder, String suggestedName, String filterName,
            List<String> extensions) {
        return chooser.chooseFileToSave(title, initialFolder, suggestedName, filterName, extensions);
    }

    @Override
    public Optional<String> chooseOne(String title, String question, List<String> options, String initial) {
        return chooser.chooseOne(title, question, options, initial);
    }

    @Override
    public void showText(String title, String header, String text) {
        chooser.showText(title, header, text);
        window.showText(title, header, text);
    }
}
