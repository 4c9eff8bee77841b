package org.learningsa.studio.ui.train;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.converter.DoubleStringConverter;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.train.TrainingSettings;

/**
 * The run settings as a grid: each setting with train.py's default and one line that says what it does.
 * Every control binds to {@link TrainingViewModel}; nothing here decides anything.
 */
final class SettingsForm {

    private final TrainingViewModel viewModel;
    private final GridPane grid = new GridPane();
    private int row;

    SettingsForm(TrainingViewModel viewModel) {
        this.viewModel = viewModel;
    }

    GridPane build() {
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints controls = new ColumnConstraints(150, 170, 260);
        ColumnConstraints help = new ColumnConstraints();
        help.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, controls, help);
        add("Epochs", integer("trainEpochs", viewModel.epochsProperty(), 1, 100_000),
                "passes over the training pairs (train.py: " + TrainingSettings.DEFAULT_EPOCHS + ")");
        add("Max steps", integer("trainMaxSteps", viewModel.maxStepsProperty(), 0, Integer.MAX_VALUE),
                "stop when the global step count reaches this; 0 = no limit (also the limit Resume uses)");
        add("Learning rate", decimal("trainLearningRate", viewModel.learningRateProperty()),
                "Adam's initial rate (train.py: " + TrainingViewModel.scientific(TrainingSettings.DEFAULT_LEARNING_RATE) + ")");
        TextField schedule = new TextField();
        schedule.setId("trainDecaySchedule");
        schedule.textProperty().bindBidirectional(viewModel.decayScheduleProperty());
        add("Decay schedule", schedule, "epochs at which the rate is multiplied by γ, joined by '-' (train.py: 30)");
        add("γ (gamma)", decimal("trainGamma", viewModel.gammaProperty()),
                "factor applied at each milestone (train.py: " + TrainingSettings.DEFAULT_GAMMA + ")");
        CheckBox validation = new CheckBox("every epoch");
        validation.setId("trainValidation");
        validation.selectedProperty().bindBidirectional(viewModel.validationProperty());
        add("Validation", validation, "PCK@0.1 on the validation CSV and PCK@0.05 on the test CSV after each epoch");
        add("Validation CSV", fileField("trainValCsv", viewModel.valCsvProperty(), "benchmark default"),
                "pairs for PCK@0.1 (empty: the benchmark's val CSV in the data folder)");
        add("Test CSV", fileField("trainTestCsv", viewModel.testCsvProperty(), "benchmark default"),
                "pairs for PCK@0.05 (empty: the benchmark's test CSV)");
        add("Save every", integer("trainSaveEvery", viewModel.saveEveryProperty(), 0, 100_000),
                "write epoch_NNN.pt when epoch % N = 0 (train.py: 10); last.pt is written after every epoch");
        add("Output folder", folderField("trainOutput", viewModel.outputFolderProperty(),
                        "new: " + viewModel.runsRoot().resolve("run-<date>-<time>")),
                "where metrics.jsonl, last.pt, epoch_NNN.pt and state.pt go");
        ChoiceBox<DeviceChoice> device = new ChoiceBox<>(FXCollections.observableArrayList(DeviceChoice.values()));
        device.setId("trainDevice");
        device.valueProperty().bindBidirectional(viewModel.deviceProperty());
        add("Device", device, "auto: a CUDA GPU when one works, else the CPU");
        return grid;
    }

    private void add(String name, Node control, String explanation) {
        Label help = new Label(explanation);
        help.setWrapText(true);
        help.getStyleClass().add("setting-help");
        help.setStyle("-fx-text-fill: #5f6368; -fx-font-size: 0.9em;");
        Label label = new Label(name);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(row++, label, control, help);
        control.disableProperty().bind(viewModel.runningProperty());
    }

    private static Spinner<Integer> integer(String id, IntegerProperty property, int min, int max) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.valueProperty().addListener((obs, old, now) -> property.set(now == null ? min : now));
        property.addListener((obs, old, now) -> spinner.getValueFactory().setValue(now.intValue()));
        return spinner;
    }

    private static TextField decimal(String id, DoubleProperty property) {
        TextField field = new TextField();
        field.setId(id);
        TextFormatter<Double> formatter = new TextFormatter<>(new DoubleStringConverter() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : (Math.abs(value) < 1e-3 && value != 0
                        ? String.format(Locale.ROOT, "%.3g", value) : String.valueOf(value));
            }

            @Override
            public Double fromString(String text) {
                try {
                    return super.fromString(text.trim());
                } catch (NumberFormatException e) {
                    return property.get(); // an unreadable number reverts to the last valid one
                }
            }
        }, property.get());
        field.setTextFormatter(formatter);
        formatter.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                property.set(now);
            }
        });
        property.addListener((obs, old, now) -> formatter.setValue(now.doubleValue()));
        return field;
    }

    static HBox fileField(String id, ObjectProperty<Path> property, String prompt) {
        TextField field = pathField(id, property, prompt);
        Button browse = new Button("…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                property.set(chosen.toPath());
            }
        });
        return box(field, browse);
    }

    static HBox folderField(String id, ObjectProperty<Path> property, String prompt) {
        TextField field = pathField(id, property, prompt);
        Button browse = new Button("…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File chosen = chooser.showDialog(browse.getScene().getWindow());
            if (chosen != null) {
                property.set(chosen.toPath());
            }
        });
        return box(field, browse);
    }

    private static HBox box(TextField field, Button browse) {
        HBox box = new HBox(4, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    /** A text field for a path: typing and Enter (or leaving the field) sets it, empty clears it. */
    static TextField pathField(String id, ObjectProperty<Path> property, String prompt) {
        TextField field = new TextField(property.get() == null ? "" : property.get().toString());
        field.setId(id);
        field.setPromptText(prompt);
        property.addListener((obs, old, now) -> field.setText(now == null ? "" : now.toString()));
        Runnable commit = () -> {
            Path typed = field.getText().isBlank() ? null : Path.of(field.getText().trim());
            if (!java.util.Objects.equals(typed, property.get())) {
                property.set(typed);
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
        return field;
    }
}
