package org.learningsa.studio.ui.colorize;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.ui.style.ThreeImageControls;
import org.learningsa.studio.ui.view.ViewLink;
import org.learningsa.studio.ui.view.ZoomableImagePane;

/**
 * Exemplar, input and result side by side, zoom and pan linked, with the controls above: swap roles,
 * readout, strength (live), the confidence mask, export PNG and triptych.
 */
public final class ColorizeView {

    private final ColorizeViewModel viewModel;
    private final SimpleBooleanProperty linked = new SimpleBooleanProperty(true);
    private ZoomableImagePane inputPane;
    private ZoomableImagePane exemplarPane;
    private ZoomableImagePane resultPane;

    public ColorizeView(ColorizeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Opens the view in its own window. */
    public static Stage open(Window owner, ColorizeViewModel viewModel) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Colorize");
        // wide enough for three images side by side, but never larger than the screen
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(new ColorizeView(viewModel).build(), Math.min(1380, screen.getWidth()),
                Math.min(700, screen.getHeight())));
        stage.show();
        return stage;
    }

    public Parent build() {
        exemplarPane = new ZoomableImagePane("colorizeExemplarImage");
        inputPane = new ZoomableImagePane("colorizeInputImage");
        resultPane = new ZoomableImagePane("colorizeResultImage");
        ThreeImageControls.show(exemplarPane, viewModel.exemplarProperty().get());
        ThreeImageControls.show(inputPane, viewModel.inputProperty().get());
        showResult();
        viewModel.exemplarProperty().addListener((obs, old, now) -> ThreeImageControls.show(exemplarPane, now));
        viewModel.inputProperty().addListener((obs, old, now) -> ThreeImageControls.show(inputPane, now));
        viewModel.resultProperty().addListener((obs, old, now) -> showResult());
        viewModel.maskProperty().addListener((obs, old, now) -> showResult());
        viewModel.showMaskProperty().addListener((obs, old, now) -> showResult());
        ViewLink.link(inputPane, exemplarPane, linked);
        ViewLink.link(inputPane, resultPane, linked);

        GridPane panes = new GridPane();
        panes.setHgap(6);
        panes.setVgap(4);
        panes.setPadding(new Insets(6));
        Label resultCaption = new Label();
        resultCaption.textProperty().bind(Bindings.when(viewModel.showMaskProperty())
                .then("Confidence (yellow = colour read from the exemplar, blue = spread from neighbours)")
                .otherwise("Result"));
        Node[] captions = {new Label("Exemplar"), new Label("Input"), resultCaption};
        ZoomableImagePane[] all = {exemplarPane, inputPane, resultPane};
        for (int i = 0; i < 3; i++) {
            panes.add(captions[i], i, 0);
            panes.add(all[i], i, 1);
            GridPane.setHgrow(all[i], Priority.ALWAYS);
            GridPane.setVgrow(all[i], Priority.ALWAYS);
            all[i].setMinSize(120, 120);
            all[i].setPrefSize(440, 560);
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            panes.getColumnConstraints().add(column);
        }

        Label status = new Label();
        status.setId("colorizeStatus");
        status.textProperty().bind(viewModel.statusProperty());
        HBox statusRow = new HBox(status);
        statusRow.setPadding(new Insets(4, 8, 6, 8));

        BorderPane root = new BorderPane(panes);
        root.setTop(controlRow());
        root.setBottom(statusRow);
        return root;
    }

    private HBox controlRow() {
        Button swap = new Button("Swap roles", new FontIcon("mdi2s-swap-horizontal"));
        swap.setId("colorizeSwap");
        swap.setTooltip(new Tooltip("Make the exemplar the input and the input the exemplar"));
        swap.setOnAction(e -> viewModel.swapRoles());

        ComboBox<Readout> readout = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Readout.values()));
        readout.setId("colorizeReadout");
        readout.setConverter(new StringConverter<>() {
            @Override
            public String toString(Readout value) {
                return value == null ? "" : value.label() + " readout";
            }

            @Override
            public Readout fromString(String text) {
                return Readout.parse(text.replace(" readout", ""));
            }
        });
        readout.valueProperty().bindBidirectional(viewModel.readoutProperty());

        Slider strength = new Slider(0, 1, viewModel.strengthProperty().get());
        strength.setId("colorizeStrength");
        strength.setPrefWidth(260);
        strength.setTooltip(new Tooltip("0 = the input as it is, 1 = the exemplar's colours; the lightness is always the input's"));
        strength.valueProperty().bindBidirectional(viewModel.strengthProperty());
        Label strengthValue = ThreeImageControls.value("colorizeStrengthValue", viewModel.strengthProperty(), "%.2f");

        HBox row = new HBox(8, swap, readout, new Label("Strength"), strength, strengthValue);
        row.getChildren().addAll(ThreeImageControls.maskLinkFitAndExports("colorize", viewModel.showMaskProperty(), linked,
                List.of(exemplarPane, inputPane, resultPane), viewModel::chooseExport, viewModel::chooseExportTriptych,
                viewModel.resultProperty()));
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 8, 0, 8));
        return row;
    }

    /**
     * Shows the result (or the mask). A new result of the same size is written into the image already
     * shown, so the zoom and pan the user chose stay while the strength slider moves.
     */
    private void showResult() {
        ThreeImageControls.showInPlace(resultPane,
                viewModel.showMaskProperty().get() ? viewModel.maskProperty().get() : viewModel.resultProperty().get());
    }
}
