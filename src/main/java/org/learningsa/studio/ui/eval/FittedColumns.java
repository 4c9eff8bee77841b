package org.learningsa.studio.ui.eval;

import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Table columns whose names must be read whole (a pair, a category, a domain): the column is made at
 * least as wide as its longest entry, so the table's resize policy squeezes the number columns and never
 * ellipsises a name; each cell also carries its full text as a tooltip.
 */
final class FittedColumns {

    /** Cell padding and a little slack, in pixels, added to the measured text width. */
    private static final double PADDING = 14;

    private FittedColumns() {
    }

    /** Makes {@code column} at least as wide as {@code text} in the table's font, never narrower than before. */
    static void fit(TableColumn<?, ?> column, String text) {
        Text probe = new Text(text);
        probe.setFont(Font.getDefault());
        double width = Math.ceil(probe.getLayoutBounds().getWidth()) + PADDING;
        if (width > column.getMinWidth()) {
            column.setMinWidth(width);
        }
        if (width > column.getPrefWidth()) {
            column.setPrefWidth(width);
        }
    }

    /** Resets the width to what the header needs (before new rows are fitted). */
    static void reset(TableColumn<?, ?> column) {
        column.setMinWidth(10);
        fit(column, column.getText());
    }

    /** Makes every column of {@code table} at least as wide as its header, so no header reads "cate…". */
    static void fitHeaders(javafx.scene.control.TableView<?> table) {
        table.getColumns().forEach(FittedColumns::reset);
    }

    /** Cells that show {@code text} of their row and the same text as a tooltip. */
    static <S> void withTooltips(TableColumn<S, String> column, Function<String, String> tooltip) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(tooltip.apply(item)));
            }
        });
    }
}
