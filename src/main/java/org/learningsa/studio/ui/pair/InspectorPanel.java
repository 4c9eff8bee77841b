package org.learningsa.studio.ui.pair;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;

/** Shows the picked point: coordinates in original pixels, each confidence, and every readout's match. */
public final class InspectorPanel extends VBox {

    private final Label hint = new Label("Run, then click a point in either image.");
    private final Label pointLabel = new Label();
    private final Label matchLabel = new Label();
    private final Label confidenceLabel = new Label();
    private final GridPane perReadout = new GridPane();

    public InspectorPanel(InspectorViewModel inspector) {
        super(6);
        setId("inspector");
        setPadding(new Insets(8));
        hint.setWrapText(true);
        pointLabel.setId("inspectorPoint");
        matchLabel.setId("inspectorMatch");
        confidenceLabel.setId("inspectorConfidence");
        perReadout.setId("inspectorPerReadout");
        perReadout.setHgap(10);
        perReadout.setVgap(2);
        perReadout.getStyleClass().add("inspector-table");
        for (Label label : new Label[] {pointLabel, matchLabel, confidenceLabel}) {
            label.setWrapText(true);
            label.getStyleClass().add("inspector-value");
        }
        getChildren().addAll(hint, pointLabel, matchLabel, confidenceLabel, perReadout);
        inspector.inspectionProperty().addListener((obs, old, now) -> show(now, inspector.userPointProperty().get()));
        inspector.userPointProperty().addListener((obs, old, now) -> show(inspector.inspectionProperty().get(), now));
        show(null, null);
    }

    private void show(Inspection inspection, InspectorViewModel.UserCorrespondence userPoint) {
        if (userPoint != null) {
            showUserPoint(inspection, userPoint);
            return;
        }
        perReadout.getChildren().clear();
        boolean present = inspection != null;
        hint.setVisible(!present);
        hint.setManaged(!present);
        if (!present) {
            pointLabel.setText("");
            matchLabel.setText("");
            confidenceLabel.setText("");
            return;
        }
        boolean fromSource = inspection.direction() == Direction.SOURCE_TO_TARGET;
        pointLabel.setText((fromSource ? "Source" : "Target") + " point: " + format(inspection.point()));
        matchLabel.setText("Match in " + (fromSource ? "target" : "source") + " (" + inspection.readout().label()
                + "): " + format(inspection.match()));
        StringBuilder confidences = new StringBuilder("Confidence (" + inspection.readout().label() + "):");
        for (ConfidenceKind kind : ConfidenceKind.values()) {
            confidences.append(String.format(Locale.ROOT, "%n  %s  %.3f", kind.label(), inspection.confidences().get(kind)));
        }
        confidenceLabel.setText(confidences.toString());
        perReadout.addRow(0, header("readout"), header("match (px)"), header("peak"), header("f–b"), header("a_L"));
        int row = 1;
        for (Inspection.ReadoutRow each : inspection.perReadout()) {
            perReadout.addRow(row++, new Label(each.readout().label()), new Label(format(each.match())),
                    new Label(String.format(Locale.ROOT, "%.2f", each.peakProbability())),
                    new Label(String.format(Locale.ROOT, "%.2f", each.forwardBackward())),
                    new Label(String.format(Locale.ROOT, "%.2f", each.levelWeight())));
        }
    }

    /** The user's point first; the network's word about its source after, marked as the network's. */
    private void showUserPoint(Inspection inspection, InspectorViewModel.UserCorrespondence point) {
        perReadout.getChildren().clear();
        hint.setVisible(false);
        hint.setManaged(false);
        pointLabel.setText("Point " + point.name() + (point.moving() ? " (yours, moving)" : " (yours)") + ": source "
                + format(point.source()) + " → target " + format(point.target()));
        boolean aboutSource = inspection != null && inspection.direction() == Direction.SOURCE_TO_TARGET
                && inspection.point().equals(point.source());
        matchLabel.setText(aboutSource ? "The network (" + inspection.readout().label() + ") would match this source at "
                + format(inspection.match()) + "; the heatmap shows its confidence." : "");
        confidenceLabel.setText(aboutSource ? String.format(Locale.ROOT, "Network's confidence there: %s %.3f",
                ConfidenceKind.PEAK_PROBABILITY.label(), inspection.confidences().get(ConfidenceKind.PEAK_PROBABILITY)) : "");
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("inspector-header");
        return label;
    }

    public static String format(PixelPoint point) {
        return String.format(Locale.ROOT, "(%.1f, %.1f)", point.x(), point.y());
    }
}
