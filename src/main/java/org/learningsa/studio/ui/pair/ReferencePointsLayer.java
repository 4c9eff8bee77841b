package org.learningsa.studio.ui.pair;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.ui.ReferencePoints;
import org.learningsa.studio.ui.view.ZoomableImagePane;

/**
 * Keypoints sent with the pair (the evaluation's ground truth) over the pair view: a numbered ring on the
 * source and a ring with the same number on the target where its ground-truth match is, through each
 * pane's own zoom and pan like every other overlay. Clicks go through to the panes: a click on a source
 * ring shows the model's match next to the ground truth.
 */
public final class ReferencePointsLayer extends Canvas {

    /** Ring radius in screen pixels, wide enough for a two-digit number. */
    static final double RADIUS = 8;
    private static final Color COLOUR = Color.web("#00e5ff");
    private static final Font NUMBER_FONT = Font.font("System", FontWeight.BOLD, 10);

    private final ReadOnlyObjectProperty<ReferencePoints> points;
    private final ZoomableImagePane sourcePane;
    private final ZoomableImagePane targetPane;

    private ReferencePointsLayer(PairView pairView, ReadOnlyObjectProperty<ReferencePoints> points) {
        this.points = points;
        this.sourcePane = pairView.sourcePane();
        this.targetPane = pairView.targetPane();
        setId("referencePointsLayer");
        setMouseTransparent(true);
        widthProperty().addListener(obs -> redraw());
        heightProperty().addListener(obs -> redraw());
        sourcePane.onViewMoved(this::redraw);
        targetPane.onViewMoved(this::redraw);
        points.addListener(obs -> redraw());
    }

    /** Adds the layer to the pair view, drawing whatever {@code points} holds. */
    public static ReferencePointsLayer install(PairView pairView, ReadOnlyObjectProperty<ReferencePoints> points) {
        ReferencePointsLayer layer = new ReferencePointsLayer(pairView, points);
        pairView.addLayer(layer);
        return layer;
    }

    /** Where each point's rings are drawn now, in this layer's pixels: {source, target} per point, in order. */
    public List<Point2D[]> ringCentres() {
        ReferencePoints current = points.get();
        if (current == null || !sourcePane.hasImage() || !targetPane.hasImage()) {
            return List.of();
        }
        return current.points().stream()
                .map(p -> new Point2D[] {toOverlay(sourcePane, p.source()), toOverlay(targetPane, p.target())}).toList();
    }

    public void redraw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        List<Point2D[]> centres = ringCentres();
        if (centres.isEmpty()) {
            return;
        }
        List<ReferencePoints.Point> list = points.get().points();
        g.setFont(NUMBER_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < list.size(); i++) {
            String number = Integer.toString(list.get(i).number());
            for (Point2D c : centres.get(i)) {
                g.setFill(Color.rgb(0, 0, 0, 0.55));
                g.fillOval(c.getX() - RADIUS, c.getY() - RADIUS, 2 * RADIUS, 2 * RADIUS);
                g.setStroke(COLOUR);
                g.setLineWidth(2);
                g.strokeOval(c.getX() - RADIUS, c.getY() - RADIUS, 2 * RADIUS, 2 * RADIUS);
                g.setFill(COLOUR);
                g.fillText(number, c.getX(), c.getY());
            }
        }
    }

    private Point2D toOverlay(ZoomableImagePane pane, PixelPoint point) {
        return pane.toLayer(this, point.x(), point.y());
    }
}
