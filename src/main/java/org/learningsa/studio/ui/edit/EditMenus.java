package org.learningsa.studio.ui.edit;

import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/** The editor's menu items (Edit and File menus) and its toolbar toggle, with their shortcuts. */
public final class EditMenus {

    /** The editor's lines of Help → Keyboard shortcuts. */
    /** The editor's rows of the shortcuts table (Markdown, following the main window's rows). */
    public static final String SHORTCUTS = """
            | Ctrl+Shift+E | edit points (toggle the edit mode) |
            | Ctrl+Z | undo an edit of the points |
            | Ctrl+Shift+Z or Ctrl+Y | redo |
            | Ctrl+S / Ctrl+Shift+S | save the points / save them as… |
            """;

    /** How the mouse edits points (Markdown). */
    public static final String MOUSE = """
            In edit mode: click in one image, then in the other, to add a point (Enter accepts the
            proposed match); drag an end to move it (Shift+click selects several, they move together);
            Delete removes, L locks or unlocks the selected points, Esc drops a half-made point.
            """;

    private final EditViewModel editor;

    public EditMenus(EditViewModel editor) {
        this.editor = editor;
    }

    /** Undo, redo, edit mode, select all points: for the Edit menu. */
    public List<MenuItem> editItems() {
        MenuItem undo = item("Undo", "Shortcut+Z", "mdi2u-undo", editor::undo);
        undo.setId("undoItem");
        undo.disableProperty().bind(editor.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", "mdi2r-redo", editor::redo);
        redo.setId("redoItem");
        redo.disableProperty().bind(editor.canRedoProperty().not());
        // a second accelerator for the same action: a hidden item, as the menus do for F5 and Ctrl+=
        MenuItem redoY = item("Redo", "Shortcut+Y", null, editor::redo);
        redoY.setVisible(false);
        CheckMenuItem mode = new CheckMenuItem("Edit points");
        mode.setId("editModeItem");
        mode.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+E"));
        mode.selectedProperty().bindBidirectional(editor.editModeProperty());
        MenuItem selectAll = item("Select all points", null, null, editor::selectAll);
        MenuItem delete = item("Delete selected points", null, "mdi2d-delete-outline", editor::deleteSelected);
        MenuItem lock = item("Lock / unlock selected points", null, "mdi2l-lock-outline", editor::toggleLockSelected);
        return List.of(undo, redo, redoY, new SeparatorMenuItem(), mode, selectAll, delete, lock);
    }

    /** Open / save points, CSV export: for the File menu. */
    public List<MenuItem> fileItems() {
        PointsFiles files = editor.files();
        MenuItem open = item("Open points…", null, null, files::open);
        MenuItem save = item("Save points", "Shortcut+S", "mdi2c-content-save-outline", files::save);
        save.setId("savePointsItem");
        MenuItem saveAs = item("Save points as…", "Shortcut+Shift+S", null, files::saveAs);
        MenuItem csv = item("Export points as CSV…", null, "mdi2f-file-delimited-outline", files::exportCsv);
        return List.of(open, save, saveAs, csv);
    }

    /** The toolbar's edit-mode toggle. */
    public ToggleButton toolbarToggle() {
        ToggleButton toggle = new ToggleButton("Edit", new FontIcon("mdi2v-vector-point"));
        toggle.setId("editModeToggle");
        toggle.setTooltip(new Tooltip("Edit the correspondences: add, move, delete, lock points (Ctrl+Shift+E)"));
        toggle.selectedProperty().bindBidirectional(editor.editModeProperty());
        return toggle;
    }

    private static MenuItem item(String text, String accelerator, String icon, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        if (icon != null) {
            item.setGraphic(new FontIcon(icon));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
