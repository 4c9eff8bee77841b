package org.learningsa.studio.ui.style;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.view.FxImages;
import org.learningsa.studio.ui.view.ZoomableImagePane;

/**
 * The pieces the style and colorize windows share — exemplar, input and result side by side: a slider's value
 * label, the mask toggle, link and fit, the two exports, and showing an image in a pane. Ids are the window's
 * prefix plus the piece ({@code styleMask}, {@code colorizeExport}), which the UI tests look up.
 */
public final class ThreeImageControls {

    private ThreeImageControls() {
    }

    /** The slider's value next to it, as the Strength slider has. */
    public static Label value(String id, DoubleProperty value, String format) {
        Label label = new Label();
        label.setId(id);
        label.setMinWidth(36);
        label.textProperty().bind(value.asString(Locale.ROOT, format));
        return label;
    }

    /**
     * Mask toggle, link, fit, Export PNG… and Export triptych… (both disabled while there is no result), in that
     * order.
     */
    public static List<Node> maskLinkFitAndExports(String idPrefix, BooleanProperty showMask, BooleanProperty linked,
                                                   List<ZoomableImagePane> panes, Runnable exportPng,
                                                   Runnable exportTriptych, ObservableObjectValue<?> result) {
        CheckBox maskToggle = new CheckBox("Confidence mask");
        maskToggle.setId(idPrefix + "Mask");
        maskToggle.selectedProperty().bindBidirectional(showMask);

        ToggleButton link = new ToggleButton(null, new FontIcon("mdi2l-link-variant"));
        link.setId(idPrefix + "Link");
        link.setTooltip(new Tooltip("Link zoom and pan of the three images"));
        link.selectedProperty().bindBidirectional(linked);
        Button fit = new Button(null, new FontIcon("mdi2f-fit-to-page-outline"));
        fit.setTooltip(new Tooltip("Fit the three images"));
        fit.setOnAction(e -> panes.forEach(ZoomableImagePane::fit));

        Button export = new Button("Export PNG…", new FontIcon("mdi2i-image-move"));
        export.setId(idPrefix + "Export");
        export.setOnAction(e -> exportPng.run());
        Button triptych = new Button("Export triptych…");
        triptych.setId(idPrefix + "ExportTriptych");
        triptych.setOnAction(e -> exportTriptych.run());
        export.disableProperty().bind(Bindings.isNull(result));
        triptych.disableProperty().bind(Bindings.isNull(result));
        return List.of(maskToggle, link, fit, export, triptych);
    }

    /**
     * Shows {@code shown} in the pane. An image of the same size as the one shown is written into it, so the zoom
     * and pan the user chose stay while a slider moves.
     */
    public static void showInPlace(ZoomableImagePane pane, RgbImage shown) {
        Image current = pane.imageProperty().get();
        if (shown != null && current instanceof WritableImage writable
                && (int) writable.getWidth() == shown.width() && (int) writable.getHeight() == shown.height()) {
            writable.getPixelWriter().setPixels(0, 0, shown.width(), shown.height(), PixelFormat.getByteRgbInstance(),
                    shown.rgb(), 0, shown.width() * 3);
            return;
        }
        show(pane, shown);
    }

    /** Shows {@code image} in the pane as a new picture (the pane refits). */
    public static void show(ZoomableImagePane pane, RgbImage image) {
        pane.imageProperty().set(image == null ? null : FxImages.toFxImage(image));
    }
}
