package org.learningsa.studio.ui.view;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ExactMapping;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchSet;
import org.learningsa.studio.align.PixelPoint;

/**
 * Draws matches over the two image panes: points in both images and lines across, coloured by
 * confidence; the 20×20 cell grid; the picked point, its match and the line between them. A
 * mouse-transparent canvas over both panes, redrawn whenever the data or a view changes.
 */
public final class MatchOverlay extends Canvas {

    /** What to draw; {@code matches}, {@code pickedSource} and {@code pickedTarget} may be null. */
    public record Scene(Alignment alignment, MatchSet matches, ColorMap colorMap, boolean lines, boolean points,
                        boolean cellGrid, PixelPoint pickedSource, PixelPoint pickedTarget) {
    }

    /**
     * A pick marker as drawn: in which pane, where (overlay coordinates), and whether it is the
     * off-view arrow at the pane's border because the point itself is zoomed or panned out of view.
     */
    public record PickMark(ZoomableImagePane pane, Point2D at, boolean offView) {
    }

    private static final double POINT_RADIUS = 3.5;
    /** How far inside its pane's border an off-view arrow sits. */
    private static final double OFF_VIEW_INSET = 12;
    private static final Color PICK_COLOUR = Color.web("#ff3b30");
    private final ZoomableImagePane sourcePane;
    private final ZoomableImagePane targetPane;
    private Scene scene;
    private boolean levelWeights;
    private final java.util.List<PickMark> pickMarks = new java.util.ArrayList<>();

    public MatchOverlay(ZoomableImagePane sourcePane, ZoomableImagePane targetPane) {
        this.sourcePane = sourcePane;
        this.targetPane = targetPane;
        setId("matchOverlay");
        setMouseTransparent(true);
        widthProperty().addListener(obs -> redraw());
        heightProperty().addListener(obs -> redraw());
        sourcePane.onViewMoved(this::redraw);
        targetPane.onViewMoved(this::redraw);
    }

    public void show(Scene newScene) {
        this.scene = newScene;
        redraw();
    }

    /** The scene drawn now (tests read it to see what the user sees). */
    public Scene shown() {
        return scene;
    }

    /** Shows the learned level weights a_L as a map over the target (the fused readout's weights). */
    public void showLevelWeights(boolean show) {
        levelWeights = show;
        redraw();
    }

    /** The pick markers of the last redraw (tests read them to see what the user sees). */
    public java.util.List<PickMark> pickMarks() {
        return java.util.List.copyOf(pickMarks);
    }

    private double colourLow = 0;
    private double colourHigh = 1;

    /** The confidences drawn at the colour map's two ends (0 and 1 unless a kind's values sit close together). */
    public void colourRange(double low, double high) {
        colourLow = low;
        colourHigh = high;
        redraw();
    }

    public void redraw() {
        pickMarks.clear();
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (scene == null) {
            return;
        }
        if (scene.cellGrid()) {
            // the grid depends only on the image sizes: shown as soon as the images are, before any run
            drawCellGrid(g, sourcePane);
            drawCellGrid(g, targetPane);
        }
        if (scene.alignment() == null) {
            return;
        }
        if (levelWeights) {
            drawLevelWeights(g, scene.alignment());
        }
        boolean picked = scene.pickedSource() != null && scene.pickedTarget() != null;
        if (scene.matches() != null) {
            // with a picked point the other matches step back so its match and heatmap stand out
            drawMatches(g, scene.matches(), picked ? 0.3 : 1.0);
        }
        if (picked) {
            drawPick(g);
        }
    }

    private void drawMatches(GraphicsContext g, MatchSet matches, double opacity) {
        Bounds sourceArea = areaOf(sourcePane);
        Bounds targetArea = areaOf(targetPane);
        // least confident first so the sure matches end on top
        var ordered = new java.util.ArrayList<>(matches.matches());
        ordered.sort(java.util.Comparator.comparingDouble(Match::confidence));
        for (Match match : ordered) {
            Point2D s = toOverlay(sourcePane, match.source());
            Point2D t = toOverlay(targetPane, match.target());
            Color colour = scene.colorMap().at(colourLow == 0 && colourHigh == 1 ? match.confidence()
                    : Math.max(0, Math.min(1, (match.confidence() - colourLow) / (colourHigh - colourLow))));
            boolean sourceVisible = sourceArea.contains(s);
            boolean targetVisible = targetArea.contains(t);
            if (scene.lines() && sourceVisible && targetVisible) {
                g.setStroke(colour.deriveColor(0, 1, 1, 0.75 * opacity));
                g.setLineWidth(1.2);
                g.strokeLine(s.getX(), s.getY(), t.getX(), t.getY());
            }
            if (scene.points()) {
                Color faded = colour.deriveColor(0, 1, 1, opacity);
                if (sourceVisible) {
                    dot(g, s, faded, opacity);
                }
                if (targetVisible) {
                    dot(g, t, faded, opacity);
                }
            }
        }
    }

    private static void dot(GraphicsContext g, Point2D p, Color colour, double opacity) {
        g.setFill(colour);
        g.fillOval(p.getX() - POINT_RADIUS, p.getY() - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
        g.setStroke(Color.rgb(0, 0, 0, 0.7 * opacity));
        g.setLineWidth(0.8);
        g.strokeOval(p.getX() - POINT_RADIUS, p.getY() - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
    }

    /**
     * The picked point and its match, each through its own pane's zoom and pan. A point outside its
     * pane's visible area (zoomed or panned away) would land in the other pane, so it is shown as an
     * arrow inside its own pane's border instead, and the line is drawn only when both ends show.
     */
    private void drawPick(GraphicsContext g) {
        Point2D s = toOverlay(sourcePane, scene.pickedSource());
        Point2D t = toOverlay(targetPane, scene.pickedTarget());
        Bounds sourceArea = areaOf(sourcePane);
        Bounds targetArea = areaOf(targetPane);
        boolean sourceVisible = sourceArea.contains(s);
        boolean targetVisible = targetArea.contains(t);
        if (sourceVisible && targetVisible) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(4);
            g.strokeLine(s.getX(), s.getY(), t.getX(), t.getY());
            g.setStroke(PICK_COLOUR);
            g.setLineWidth(2);
            g.strokeLine(s.getX(), s.getY(), t.getX(), t.getY());
        }
        mark(g, sourcePane, sourceArea, s, sourceVisible);
        mark(g, targetPane, targetArea, t, targetVisible);
    }

    private void mark(GraphicsContext g, ZoomableImagePane pane, Bounds area, Point2D p, boolean visible) {
        if (area.getWidth() < 2 * OFF_VIEW_INSET || area.getHeight() < 2 * OFF_VIEW_INSET) {
            return;
        }
        if (visible) {
            marker(g, p);
            pickMarks.add(new PickMark(pane, p, false));
            return;
        }
        Point2D edge = new Point2D(
                Math.max(area.getMinX() + OFF_VIEW_INSET, Math.min(area.getMaxX() - OFF_VIEW_INSET, p.getX())),
                Math.max(area.getMinY() + OFF_VIEW_INSET, Math.min(area.getMaxY() - OFF_VIEW_INSET, p.getY())));
        offViewArrow(g, edge, Math.atan2(p.getY() - edge.getY(), p.getX() - edge.getX()));
        pickMarks.add(new PickMark(pane, edge, true));
    }

    /** A filled triangle at {@code at} pointing along {@code angle} (radians), toward a point out of view. */
    private static void offViewArrow(GraphicsContext g, Point2D at, double angle) {
        double length = 10;
        double half = 6;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] xs = {at.getX() + cos * length, at.getX() - sin * half, at.getX() + sin * half};
        double[] ys = {at.getY() + sin * length, at.getY() + cos * half, at.getY() - cos * half};
        g.setFill(PICK_COLOUR);
        g.fillPolygon(xs, ys, 3);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        g.strokePolygon(xs, ys, 3);
    }

    private static void marker(GraphicsContext g, Point2D p) {
        double r = 8;
        g.setLineWidth(3.5);
        g.setStroke(Color.WHITE);
        g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
        g.setLineWidth(2);
        g.setStroke(PICK_COLOUR);
        g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
        g.strokeLine(p.getX() - r - 5, p.getY(), p.getX() - r + 3, p.getY());
        g.strokeLine(p.getX() + r - 3, p.getY(), p.getX() + r + 5, p.getY());
        g.strokeLine(p.getX(), p.getY() - r - 5, p.getX(), p.getY() - r + 3);
        g.strokeLine(p.getX(), p.getY() + r - 3, p.getX(), p.getY() + r + 5);
    }

    private void drawLevelWeights(GraphicsContext g, Alignment alignment) {
        Bounds area = areaOf(targetPane);
        g.save();
        g.beginPath();
        g.rect(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight());
        g.clip();
        LevelWeightMap.paint(alignment, (left, top, right, bottom, fill) -> {
            Point2D a = toOverlay(targetPane, new PixelPoint(left, top));
            Point2D b = toOverlay(targetPane, new PixelPoint(right, bottom));
            g.setFill(fill);
            g.fillRect(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
        });
        g.setFill(Color.rgb(32, 33, 36, 0.75));
        g.fillRect(area.getMinX(), area.getMaxY() - 18, 96, 18);
        LevelWeightMap.drawKey(g, area.getMinX() + 6, area.getMaxY() - 5);
        g.restore();
    }

    /** Lines between the 20×20 cells; the first and last interior edges are the image borders. */
    private void drawCellGrid(GraphicsContext g, ZoomableImagePane pane) {
        if (!pane.hasImage()) {
            return;
        }
        ImageRef image = new ImageRef(null, (int) Math.round(pane.imageWidth()), (int) Math.round(pane.imageHeight()));
        Bounds area = areaOf(pane);
        g.save();
        g.beginPath();
        g.rect(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight());
        g.clip();
        g.setStroke(Color.rgb(255, 255, 255, 0.45));
        g.setLineWidth(1);
        double top = edge(0, image.height());
        double bottom = edge(ExactMapping.CELLS, image.height());
        double left = edge(0, image.width());
        double right = edge(ExactMapping.CELLS, image.width());
        for (int i = 1; i < ExactMapping.CELLS; i++) {
            double x = edge(i, image.width());
            Point2D a = toOverlay(pane, new PixelPoint(x, Math.max(top, -0.5)));
            Point2D b = toOverlay(pane, new PixelPoint(x, Math.min(bottom, image.height() - 0.5)));
            g.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
            double y = edge(i, image.height());
            Point2D c = toOverlay(pane, new PixelPoint(Math.max(left, -0.5), y));
            Point2D d = toOverlay(pane, new PixelPoint(Math.min(right, image.width() - 0.5), y));
            g.strokeLine(c.getX(), c.getY(), d.getX(), d.getY());
        }
        g.restore();
    }

    /** The original-pixel coordinate of the edge before cell {@code i} (canvas pixel 16i − 0.5). */
    public static double edge(int cell, int size) {
        return ExactMapping.originalFromCanvas(cell * ExactMapping.CELL_SIZE - 0.5, size);
    }

    private Point2D toOverlay(ZoomableImagePane pane, PixelPoint point) {
        return pane.toLayer(this, point.x(), point.y());
    }

    private Bounds areaOf(ZoomableImagePane pane) {
        return sceneToLocal(pane.localToScene(pane.getLayoutBounds()));
    }
}
