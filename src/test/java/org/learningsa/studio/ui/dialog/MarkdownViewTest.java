package org.learningsa.studio.ui.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Markdown is shown rendered: no raw markup, tables in aligned columns, links that open when clicked. */
@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 700, 500));
        stage.show();
    }

    @Test
    void headingsListsAndLinksAreRenderedAndALinkOpensWhenClicked(FxRobot robot) {
        List<String> opened = new ArrayList<>();
        VBox[] view = new VBox[1];
        robot.interact(() -> {
            view[0] = MarkdownView.render("""
                    # Weights

                    Download **best_checkpoint_pascal.pt** from [the project](https://github.com/lab-sun/LearningSA).

                    - one `weights/` folder
                    - another
                    """, opened::add);
            root.getChildren().setAll(view[0]);
        });
        String shown = allText(view[0]);
        assertTrue(!shown.contains("#") && !shown.contains("**") && !shown.contains("](") && !shown.contains("`"),
                "no raw Markdown: " + shown);
        assertTrue(shown.contains("best_checkpoint_pascal.pt") && shown.contains("weights/"), shown);
        robot.clickOn("the project");
        assertEquals(List.of("https://github.com/lab-sun/LearningSA"), opened);
    }

    @Test
    void aTableIsLaidOutInAlignedColumns(FxRobot robot) {
        VBox[] view = new VBox[1];
        robot.interact(() -> {
            view[0] = MarkdownView.render("| Keys | Does |\n|---|---|\n| Ctrl+Shift+Z or Ctrl+Y | redo |\n| Ctrl+M | morph |\n",
                    url -> { });
            root.getChildren().setAll(view[0]);
        });
        GridPane table = (GridPane) view[0].getChildren().get(0);
        List<Double> actionColumnX = new ArrayList<>();
        for (Node cell : table.getChildren()) {
            if (GridPane.getColumnIndex(cell) == 1) {
                actionColumnX.add(cell.getBoundsInParent().getMinX());
            }
        }
        assertEquals(3, actionColumnX.size(), "head and two rows");
        assertTrue(actionColumnX.stream().distinct().count() == 1, "the second column starts at one x: " + actionColumnX);
    }

    private static String allText(Node node) {
        StringBuilder out = new StringBuilder();
        if (node instanceof Text text) {
            out.append(text.getText());
        } else if (node instanceof Hyperlink link) {
            out.append(link.getText());
        } else if (node instanceof javafx.scene.control.Labeled labeled) {
            out.append(labeled.getText());
        }
        if (node instanceof javafx.scene.Parent parent && !(node instanceof javafx.scene.control.Control)) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                out.append(allText(child)).append(child instanceof TextFlow ? "\n" : "");
            }
        }
        return out.toString();
    }
}
