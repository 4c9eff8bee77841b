package org.learningsa.studio.ui.dialog;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown (CommonMark with GitHub tables) as JavaFX nodes, for the app's help texts: headings, paragraphs with
 * emphasis and code, lists, code blocks, tables (in aligned columns) and links the user can click. No HTML
 * engine: raw HTML in the text is shown as written.
 */
public final class MarkdownView {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final double BODY_SIZE = Font.getDefault().getSize();

    private MarkdownView() {
    }

    /**
     * @param openLink called with a link's destination when the user clicks it (the app opens the browser)
     */
    public static VBox render(String markdown, Consumer<String> openLink) {
        VBox blocks = new VBox(8);
        blocks.getStyleClass().add("markdown");
        blocks.setPadding(new Insets(8));
        for (org.commonmark.node.Node block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            blocks.getChildren().add(block(block, openLink, 0));
        }
        return blocks;
    }

    private static Node block(org.commonmark.node.Node block, Consumer<String> openLink, int depth) {
        if (block instanceof Heading heading) {
            TextFlow flow = inlines(heading, openLink, FontWeight.BOLD, BODY_SIZE * (heading.getLevel() <= 1 ? 1.5 : heading.getLevel() == 2 ? 1.3 : 1.1));
            flow.getStyleClass().add("markdown-heading");
            return flow;
        }
        if (block instanceof Paragraph) {
            return inlines(block, openLink, FontWeight.NORMAL, BODY_SIZE);
        }
        if (block instanceof BulletList || block instanceof OrderedList) {
            VBox items = new VBox(3);
            int number = block instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
            for (org.commonmark.node.Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    continue;
                }
                String marker = block instanceof OrderedList ? (number++) + "." : "•";
                GridPane row = new GridPane();
                row.setHgap(6);
                row.add(new Label(marker), 0, 0);
                VBox content = new VBox(3);
                for (org.commonmark.node.Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    content.getChildren().add(block(child, openLink, depth + 1));
                }
                row.add(content, 1, 0);
                items.getChildren().add(row);
            }
            items.setPadding(new Insets(0, 0, 0, 12));
            return items;
        }
        if (block instanceof FencedCodeBlock fenced) {
            return code(fenced.getLiteral());
        }
        if (block instanceof IndentedCodeBlock indented) {
            return code(indented.getLiteral());
        }
        if (block instanceof BlockQuote) {
            VBox quote = new VBox(4);
            for (org.commonmark.node.Node child = block.getFirstChild(); child != null; child = child.getNext()) {
                quote.getChildren().add(block(child, openLink, depth + 1));
            }
            quote.setPadding(new Insets(0, 0, 0, 12));
            quote.setStyle("-fx-border-color: transparent transparent transparent #bdbdbd; -fx-border-width: 0 0 0 3;");
            return quote;
        }
        if (block instanceof TableBlock) {
            return table(block, openLink);
        }
        if (block instanceof ThematicBreak) {
            return new javafx.scene.control.Separator();
        }
        return inlines(block, openLink, FontWeight.NORMAL, BODY_SIZE);
    }

    /** A table in aligned columns: the head bold, each cell's inlines as written. */
    private static GridPane table(org.commonmark.node.Node table, Consumer<String> openLink) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("markdown-table");
        grid.setHgap(18);
        grid.setVgap(4);
        int rowIndex = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (org.commonmark.node.Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                int column = 0;
                for (org.commonmark.node.Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        grid.add(inlines(cell, openLink, head ? FontWeight.BOLD : FontWeight.NORMAL, BODY_SIZE), column++, rowIndex);
                    }
                }
                rowIndex++;
            }
        }
        return grid;
    }

    private static Node code(String literal) {
        Text text = new Text(literal.stripTrailing());
        text.setFont(Font.font("monospace", BODY_SIZE));
        TextFlow flow = new TextFlow(text);
        flow.setPadding(new Insets(4, 8, 4, 8));
        flow.setStyle("-fx-background-color: #f1f3f4;");
        return flow;
    }

    private static TextFlow inlines(org.commonmark.node.Node parent, Consumer<String> openLink, FontWeight weight, double size) {
        TextFlow flow = new TextFlow();
        addInlines(flow, parent, openLink, weight, false, size);
        return flow;
    }

    private static void addInlines(TextFlow flow, org.commonmark.node.Node parent, Consumer<String> openLink,
            FontWeight weight, boolean italic, double size) {
        for (org.commonmark.node.Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                flow.getChildren().add(text(text.getLiteral(), weight, italic, size));
            } else if (node instanceof Code code) {
                Text text = new Text(code.getLiteral());
                text.setFont(Font.font("monospace", weight, size));
                flow.getChildren().add(text);
            } else if (node instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", weight, italic, size));
            } else if (node instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", weight, italic, size));
            } else if (node instanceof StrongEmphasis) {
                addInlines(flow, node, openLink, FontWeight.BOLD, italic, size);
            } else if (node instanceof Emphasis) {
                addInlines(flow, node, openLink, weight, true, size);
            } else if (node instanceof Link link) {
                Hyperlink hyperlink = new Hyperlink(plainText(link).isEmpty() ? link.getDestination() : plainText(link));
                hyperlink.setPadding(Insets.EMPTY);
                hyperlink.setTooltip(new javafx.scene.control.Tooltip(link.getDestination()));
                hyperlink.setOnAction(e -> openLink.accept(link.getDestination()));
                flow.getChildren().add(hyperlink);
            } else {
                addInlines(flow, node, openLink, weight, italic, size);
            }
        }
    }

    private static String plainText(org.commonmark.node.Node parent) {
        StringBuilder out = new StringBuilder();
        for (org.commonmark.node.Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                out.append(text.getLiteral());
            } else if (node instanceof Code code) {
                out.append(code.getLiteral());
            } else {
                out.append(plainText(node));
            }
        }
        return out.toString();
    }

    private static Text text(String literal, FontWeight weight, boolean italic, double size) {
        Text text = new Text(literal);
        text.setFont(Font.font(Font.getDefault().getFamily(), weight,
                italic ? javafx.scene.text.FontPosture.ITALIC : javafx.scene.text.FontPosture.REGULAR, size));
        return text;
    }
}
