package org.learningsa.studio.ui.train;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.learningsa.studio.data.KeypointPair;

/**
 * A training pair as a small picture: source left, target right, each keypoint drawn in both in the
 * same colour (so a wrong annotation shows as mismatched colours). The images load in the background
 * ({@link Image}'s own loader), so a folder of large photos never holds up the panel.
 */
final class PairThumbnail extends Canvas {

    private static final double GAP = 6;
    private static final double CAPTION = 16;

    private final KeypointPair pair;
    private final Image source;
    private final Image target;

    PairThumbnail(KeypointPair pair, double width, double height) {
        super(width, height);
        this.pair = pair;
        this.source = new Image(pair.sourceImage().toUri().toString(), true);
        this.target = new Image(pair.targetImage().toUri().toString(), true);
        for (Image image : new Image[] {source, target}) {
            image.progressProperty().addListener((obs, old, now) -> {
                if (now.doubleValue() >= 1) {
                    draw();
                }
            });
        }
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight() - CAPTION;
        g.setFill(Color.web("#202124"));
        g.fillRect(0, 0, w, getHeight());
        double half = (w - GAP) / 2;
        drawSide(g, source, pair.sourceX(), pair.sourceY(), 0, half, h);
        drawSide(g, target, pair.targetX(), pair.targetY(), half + GAP, half, h);
        g.setFill(Color.gray(0.85));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(pair.category() + " · " + pair.sourceName().replaceAll(".*/", "") + " → "
                + pair.targetName().replaceAll(".*/", "") + " · " + pair.keypointCount() + " points", 2, getHeight() - 2);
    }

    private static void drawSide(GraphicsContext g, Image image, double[] xs, double[] ys, double left, double boxWidth, double boxHeight) {
        if (image.getProgress() < 1 || image.isError() || image.getWidth() <= 0) {
            g.setStroke(Color.gray(0.5));
            g.strokeRect(left, 0, boxWidth, boxHeight);
            return;
        }
        double scale = Math.min(boxWidth / image.getWidth(), boxHeight / image.getHeight());
        double x0 = left + (boxWidth - image.getWidth() * scale) / 2;
        double y0 = (boxHeight - image.getHeight() * scale) / 2;
        g.drawImage(image, x0, y0, image.getWidth() * scale, image.getHeight() * scale);
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] < 0 && ys[i] < 0) {
                continue; // −1, −1 marks a padded point
            }
            double px = x0 + (xs[i] + 0.5) * scale;
            double py = y0 + (ys[i] + 0.5) * scale;
            g.setFill(Color.hsb(360.0 * i / Math.max(1, xs.length), 0.85, 1));
            g.fillOval(px - 3.5, py - 3.5, 7, 7);
            g.setStroke(Color.BLACK);
            g.setLineWidth(1);
            g.strokeOval(px - 3.5, py - 3.5, 7, 7);
        }
    }

    KeypointPair pair() {
        return pair;
    }
}
