package org.learningsa.studio.ui.edit;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.learningsa.studio.align.MatchSet;
import org.learningsa.studio.editing.CorrectedCorrespondence;
import org.learningsa.studio.editing.TrainingSetFolder;
import org.learningsa.studio.editing.UserPoint;

/**
 * The sidebar of the point editor: edit mode, "trust my points", the points (several can be selected),
 * the edit buttons, the history, and the files (save, open, CSV, training set).
 */
public final class EditPanel extends VBox {

    private final EditViewModel editor;
    private final ListView<UserPoint> pointList = new ListView<>();
    private boolean syncing;

    /** @param filteredMatches the network's matches as currently filtered, for "Accept shown matches" */
    public EditPanel(EditViewModel editor, javafx.beans.value.ObservableValue<MatchSet> filteredMatches) {
        super(6);
        this.editor = editor;
        setId("editPanel");
        setPadding(new Insets(8));

        ToggleButton mode = new ToggleButton("Edit points", new FontIcon("mdi2v-vector-point"));
        mode.setId("editModePanelToggle");
        mode.selectedProperty().bindBidirectional(editor.editModeProperty());
        Label hint = new Label("Click a point in one image, then its match in the other (the network's "
                + "proposal is pre-placed: click it or press Enter to accept). Drag an end to move it, "
                + "Shift+click to select several, Delete removes, L locks.");
        hint.setWrapText(true);
        hint.getStyleClass().add("inspector-value");

        CheckBox trust = new CheckBox("Trust my points (map by a thin-plate spline through them, ignore the network)");
        trust.setId("trustPointsCheck");
        trust.setWrapText(true);
        trust.selectedProperty().bindBidirectional(editor.trustPointsProperty());
        trust.disableProperty().bind(editor.trustAvailableProperty().not());
        trust.setTooltip(new Tooltip("Needs 3 or more points, not all on one line"));

        Label description = new Label();
        description.setId("correctionDescription");
        description.setWrapText(true);
        description.getStyleClass().add("inspector-value");
        description.textProperty().bind(Bindings.createStringBinding(() -> editor.correctedProperty().get() == null
                ? "Run the alignment to see the matches follow the points."
                : editor.correctedProperty().get().description(), editor.correctedProperty()));

        pointList.setId("editPointsList");
        pointList.setPrefHeight(170);
        pointList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        pointList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(UserPoint point, boolean empty) {
                super.updateItem(point, empty);
                setText(empty || point == null ? null : describe(point));
            }
        });
        editor.pointsProperty().addListener((obs, old, now) -> refreshList());
        editor.selection().addListener((SetChangeListener<String>) c -> syncSelectionToList());
        pointList.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<UserPoint>) c -> syncSelectionFromList());

        Button accept = button("acceptMatchesButton", "Accept shown matches", "mdi2c-check-all",
                "Take the network's matches as shown (top N, minimum confidence) over as editable points",
                () -> editor.acceptMatches(filteredMatches.getValue() == null ? List.of() : filteredMatches.getValue().matches()));
        Button delete = button("deletePointsButton", "Delete", "mdi2d-delete-outline", "Delete the selected points (Delete)",
                editor::deleteSelected);
        Button lock = button("lockPointsButton", "Lock", "mdi2l-lock-outline",
                "Lock or unlock the selected points (L): locked points survive a re-run with another model", editor::toggleLockSelected);
        Button undo = button("undoButton", "Undo", "mdi2u-undo", "Undo (Ctrl+Z)", editor::undo);
        undo.disableProperty().bind(editor.canUndoProperty().not());
        Button redo = button("redoButton", "Redo", "mdi2r-redo", "Redo (Ctrl+Shift+Z or Ctrl+Y)", editor::redo);
        redo.disableProperty().bind(editor.canRedoProperty().not());
        FlowPane edits = new FlowPane(4, 4, accept, delete, lock, undo, redo);

        TextField label = new TextField();
        label.setId("pointLabelField");
        label.setPromptText("label of the selected point (Enter)");
        label.disableProperty().bind(Bindings.size(editor.selection()).isNotEqualTo(1));
        label.setOnAction(e -> editor.relabelSelected(label.getText()));
        editor.selection().addListener((SetChangeListener<String>) c -> label.setText(selectedLabel()));

        ListView<String> history = new ListView<>(editor.historyLines());
        history.setId("historyList");
        history.setPrefHeight(110);

        PointsFiles files = editor.files();
        Button save = button("savePointsButton", "Save", "mdi2c-content-save-outline", "Save the points (Ctrl+S)", files::save);
        Button saveAs = button("savePointsAsButton", "Save as…", null, "Save the points to another file", files::saveAs);
        Button open = button("openPointsButton", "Open…", "mdi2f-folder-open-outline", "Open a points file", files::open);
        Button csv = button("exportPointsCsvButton", "CSV…", "mdi2f-file-delimited-outline",
                "Export x_source,y_source,x_target,y_target,label,origin", files::exportCsv);
        FlowPane fileButtons = new FlowPane(4, 4, save, saveAs, open, csv);

        Button addToTraining = button("addToTrainingSetButton", "Add to training set…", "mdi2s-school-outline",
                "Asks for the pair's PF-PASCAL class, then copies both images into a training folder and appends its row",
                files::addToTrainingSet);
        FlowPane training = new FlowPane(4, 4, addToTraining);

        Label status = new Label();
        status.setId("pointsFileStatus");
        status.setWrapText(true);
        status.textProperty().bind(files.statusProperty());

        getChildren().addAll(mode, hint, trust, description, new Label("Points"), pointList, label, edits,
                new Label("History"), history, fileButtons, training, status);
    }

    static String describe(UserPoint p) {
        return String.format(Locale.ROOT, "%s%s  %s%s  (%.1f, %.1f) → (%.1f, %.1f)", p.id(),
                p.label().isEmpty() ? "" : " " + p.label(), p.origin().fileName(), p.locked() ? ", locked" : "",
                p.source().x(), p.source().y(), p.target().x(), p.target().y());
    }

    private String selectedLabel() {
        if (editor.selection().size() != 1) {
            return "";
        }
        String id = editor.selection().iterator().next();
        return editor.pointsProperty().get().stream().filter(p -> p.id().equals(id)).map(UserPoint::label)
                .findFirst().orElse("");
    }

    private void refreshList() {
        syncing = true;
        try {
            pointList.getItems().setAll(editor.pointsProperty().get());
        } finally {
            syncing = false;
        }
        syncSelectionToList();
    }

    private void syncSelectionToList() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            pointList.getSelectionModel().clearSelection();
            List<UserPoint> items = pointList.getItems();
            for (int i = 0; i < items.size(); i++) {
                if (editor.selection().contains(items.get(i).id())) {
                    pointList.getSelectionModel().select(i);
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void syncSelectionFromList() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            editor.selection().clear();
            pointList.getSelectionModel().getSelectedItems().forEach(p -> {
                if (p != null) {
                    editor.selection().add(p.id());
                }
            });
        } finally {
            syncing = false;
        }
    }

    private static Button button(String id, String text, String icon, String tooltip, Runnable action) {
        Button button = new Button(text, icon == null ? null : new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Radius of the default mode, for the panel's and README's wording. */
    static String radiusWording() {
        return "1/" + Math.round(1 / CorrectedCorrespondence.RADIUS_FRACTION) + " of the longer image side";
    }
}
