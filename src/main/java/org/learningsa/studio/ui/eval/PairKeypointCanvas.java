package org.learningsa.studio.ui.eval;

import java.nio.file.Path;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.learningsa.studio.eval.EvaluationSettings;
import org.learningsa.studio.eval.PairResult;
import org.learningsa.studio.eval.ThresholdKind;

/**
 * One evaluated pair side by side: the source (image A) with its ground-truth keypoints (filled
 * dots), the predictions (crosses), the error line between them (green when within α·L, red
 * otherwise) and the α·L circle; the target (image B) with the keypoints that were transferred.
 */
final class PairKeypointCanvas extends Pane {

    private static final Color CORRECT = Color.web("#34a853");
    private static final Color WRONG = Color.web("#ea4335");
    private static final Color TARGET = Color.web("#fbbc04");
    private static final double GAP = 12;

    private final Canvas canvas = new Canvas();
    private PairResult result;
    private EvaluationSettings settings;
    private double alpha = 0.10;
    private Image sourceImage;
    private Image targetImage;

    PairKeypointCanvas() {
        getChildren().add(canvas);
        setMinSize(200, 150);
        setStyle("-fx-background-color: #202124;");
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
    }

    /** Shows a pair; null clears the view. */
    void show(PairResult pairResult, EvaluationSettings runSettings, double thresholdAlpha) {
        this.result = pairResult;
        this.settings = runSettings;
        this.alpha = thresholdAlpha;
        sourceImage = pairResult == null ? null : load(pairResult.pair().sourceImage());
        targetImage = pairResult == null ? null : load(pairResult.pair().targetImage());
        redraw();
    }

    private Image load(Path file) {
        if (file == null) {
            return null;
        }
        Image image = new Image(file.toUri().toString(), true);
        image.progressProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() >= 1.0) {
                redraw();
            }
        });
        return image;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private void redraw() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (result == null || settings == null) {
            g.setFill(Color.gray(0.7));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Click a pair to see its keypoints", canvas.getWidth() / 2, canvas.getHeight() / 2);
            return;
        }
        double half = (canvas.getWidth() - GAP) / 2;
        double height = canvas.getHeight() - 24;
        Placement source = place(result.sourceWidth(), result.sourceHeight(), 0, half, height);
        Placement target = place(result.targetWidth(), result.targetHeight(), half + GAP, half, height);
        drawImage(g, sourceImage, source);
        drawImage(g, targetImage, target);
        // keypoints are in the evaluation frame: 288×288 for image-size, original pixels for bbox
        boolean imageSize = settings.threshold() == ThresholdKind.IMAGE_SIZE;
        double frame = EvaluationSettings.IMAGE_SIZE_FRAME;
        double sx = imageSize ? result.sourceWidth() / frame : 1;
        double sy = imageSize ? result.sourceHeight() / frame : 1;
        double tx = imageSize ? result.targetWidth() / frame : 1;
        double ty = imageSize ? result.targetHeight() / frame : 1;
        // α·L is a circle in the evaluation frame; in the original image of the image-size frame it is an ellipse
        double radiusX = alpha * result.thresholdLength() * sx * source.scale;
        double radiusY = alpha * result.thresholdLength() * sy * source.scale;
        g.setLineWidth(1.5);
        for (int i = 0; i < result.evaluatedPoints(); i++) {
            boolean correct = result.correct(i, alpha);
            Color colour = correct ? CORRECT : WRONG;
            double gx = source.x(result.sourceX()[i] * sx);
            double gy = source.y(result.sourceY()[i] * sy);
            g.setStroke(colour.deriveColor(0, 1, 1, 0.45));
            g.strokeOval(gx - radiusX, gy - radiusY, 2 * radiusX, 2 * radiusY);
            g.setFill(colour);
            g.fillOval(gx - 4, gy - 4, 8, 8);
            if (!Double.isNaN(result.predictedX()[i])) {
                double px = source.x(result.predictedX()[i] * sx);
                double py = source.y(result.predictedY()[i] * sy);
                g.setStroke(colour);
                g.strokeLine(gx, gy, px, py);
                g.strokeLine(px - 4, py - 4, px + 4, py + 4);
                g.strokeLine(px - 4, py + 4, px + 4, py - 4);
            }
            if (i < result.targetX().length) {
                double kx = target.x(result.targetX()[i] * tx);
                double ky = target.y(result.targetY()[i] * ty);
                g.setFill(TARGET);
                g.fillOval(kx - 4, ky - 4, 8, 8);
                g.setFill(Color.WHITE);
                g.fillText(Integer.toString(i), kx + 6, ky - 6);
            }
        }
        g.setFill(Color.gray(0.85));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(String.format(java.util.Locale.ROOT,
                "source (A): dot = ground truth, cross = prediction, circle = α·L (α %s, L %.1f)   |   target (B): transferred keypoints",
                EvaluationSettings.alphaKey(alpha), result.thresholdLength()), 4, canvas.getHeight() - 4);
    }

    private static void drawImage(GraphicsContext g, Image image, Placement p) {
        if (image != null && image.getProgress() >= 1.0 && !image.isError()) {
            g.drawImage(image, p.left, p.top, p.width * p.scale, p.height * p.scale);
        } else {
            g.setStroke(Color.gray(0.5));
            g.strokeRect(p.left, p.top, p.width * p.scale, p.height * p.scale);
        }
    }

    private static Placement place(int width, int height, double left, double boxWidth, double boxHeight) {
        double scale = Math.max(1e-6, Math.min(boxWidth / width, boxHeight / height));
        double x = left + (boxWidth - width * scale) / 2;
        double y = (boxHeight - height * scale) / 2;
        return new Placement(x, y, width, height, scale);
    }

    /** Where an image of width×height original pixels is drawn; pixel centres at integers. */
    private record Placement(double left, double top, int width, int height, double scale) {
        double x(double pixelX) {
            return left + (pixelX + 0.5) * scale;
        }

        double y(double pixelY) {
            return top + (pixelY + 0.5) * scale;
        }
    }
}
