package org.learningsa.studio.ui.morph;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.learningsa.studio.export.AnimationFormat;
import org.learningsa.studio.ui.dialog.DialogService;

/** Export…: format, frame size and frame count, then where to write; the export runs in the view model. */
final class MorphExportDialog {

    /** What the user chose. */
    record Choice(AnimationFormat format, int longSide, int frames) {
    }

    private MorphExportDialog() {
    }

    /** Asks, then starts the export; nothing happens when the user cancels either step. */
    static void show(Window owner, MorphViewModel viewModel, DialogService dialogs) {
        ask(owner, viewModel).ifPresent(choice -> {
            viewModel.framesProperty().set(choice.frames());
            chooseOutput(dialogs, choice.format()).ifPresent(out -> viewModel.export(out, choice.longSide()));
        });
    }

    static Optional<Choice> ask(Window owner, MorphViewModel viewModel) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export the morph");
        dialog.setHeaderText("A looping GIF, an MP4 video (H.264) or a folder of PNG frames");
        ChoiceBox<AnimationFormat> format = new ChoiceBox<>();
        format.setId("exportFormat");
        format.getItems().addAll(AnimationFormat.values());
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(AnimationFormat value) {
                return value == null ? "" : value.label();
            }

            @Override
            public AnimationFormat fromString(String text) {
                return null;
            }
        });
        format.setValue(AnimationFormat.GIF);
        int natural = Math.max(viewModel.previewCanvas().width(), viewModel.previewCanvas().height());
        Spinner<Integer> size = new Spinner<>(16, 8192, natural, 16);
        size.setId("exportSize");
        size.setEditable(true);
        Spinner<Integer> frames = new Spinner<>(2, 1000, viewModel.framesProperty().get(), 5);
        frames.setId("exportFrames");
        frames.setEditable(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("Long side (pixels)"), size);
        grid.addRow(2, new Label("Frames"), frames);
        grid.addRow(3, new Label("Frame rate"), new Label(viewModel.fpsProperty().get() + " fps, easing "
                + viewModel.easingProperty().get().label() + " (as in the player)"));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return dialog.showAndWait().filter(ButtonType.OK::equals)
                .map(ok -> new Choice(format.getValue(), size.getValue(), frames.getValue()));
    }

    private static Optional<Path> chooseOutput(DialogService dialogs, AnimationFormat format) {
        return switch (format) {
            case GIF -> dialogs.chooseFileToSave("Export as GIF", null, "morph.gif", "GIF", List.of("*.gif"));
            case MP4 -> dialogs.chooseFileToSave("Export as MP4", null, "morph.mp4", "MP4 video", List.of("*.mp4"));
            // a new folder's name: the frames go into it
            case PNG_FOLDER -> dialogs.chooseFileToSave("Folder for the PNG frames", null, "morph-frames",
                    "Folder", List.of("*"));
        };
    }
}
