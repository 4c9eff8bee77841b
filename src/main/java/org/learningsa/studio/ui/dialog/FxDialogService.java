package org.learningsa.studio.ui.dialog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The app's {@link DialogService}: notifications in the window's {@link NotificationArea}, system file choosers. */
public final class FxDialogService implements DialogService {

    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);
    private final Supplier<Window> owner;
    private final NotificationArea notifications;

    public FxDialogService(Supplier<Window> owner, NotificationArea notifications) {
        this.owner = owner;
        this.notifications = notifications;
    }

    @Override
    public void notify(Notification notification) {
        if (notification.severity() != Notification.Severity.INFO) {
            LOG.info("{}: {} — {}", notification.severity(), notification.title(), notification.message());
        }
        notifications.show(notification);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterName, List<String> extensions) {
        FileChooser chooser = chooser(title, initialFolder, filterName, extensions);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialFolder, String suggestedName, String filterName,
            List<String> extensions) {
        FileChooser chooser = chooser(title, initialFolder, filterName, extensions);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(java.io.File::toPath);
    }

    private static FileChooser chooser(String title, Path initialFolder, String filterName, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, extensions));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    @Override
    public Optional<String> chooseOne(String title, String question, List<String> options, String initial) {
        javafx.scene.control.ChoiceDialog<String> dialog = new javafx.scene.control.ChoiceDialog<>(
                options.contains(initial) ? initial : options.get(0), options);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        return dialog.showAndWait();
    }

    @Override
    public void showText(String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner.get());
        alert.initModality(Modality.NONE);
        alert.setTitle(title);
        alert.setHeaderText(header);
        TextArea body = new TextArea(text);
        body.setEditable(false);
        body.setWrapText(true);
        body.setPrefSize(720, 460);
        alert.getDialogPane().setContent(body);
        alert.setResizable(true);
        alert.show();
    }
}
