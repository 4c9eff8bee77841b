package org.learningsa.studio.ui.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.learningsa.studio.eval.EvaluationSettings;
import org.learningsa.studio.eval.PairResult;
import org.learningsa.studio.eval.ThresholdKind;

/**
 * One evaluated pair side by side: the source (image A) with its ground-truth keypoints (numbered
 * dots), the predictions (crosses with the same number), the error line between them (green when
 * within α·L, red otherwise) and the α·L ring; the target (image B) with the keypoints that were
 * transferred, numbered alike, so each point can be followed from one image to the other. The
 * legend is a property for a label under the canvas, where it wraps instead of being cut off.
 */
final class PairKeypointCanvas extends Pane {

    private static final Color CORRECT = Color.web("#34a853");
    private static final Color WRONG = Color.web("#ea4335");
    private static final Color TARGET = Color.web("#fbbc04");
    private static final double GAP = 12;
    /** Marker radius in screen pixels: big enough to hold a two-digit number and to be seen on a photo. */
    static final double MARK_RADIUS = 8;
    private static final Font NUMBER_FONT = Font.font("System", FontWeight.BOLD, 10);

    /** Which image a mark is drawn on. */
    enum Side { SOURCE, TARGET }

    /** What a mark shows: a ground-truth keypoint, a prediction (source image), a transferred target keypoint. */
    enum Kind { GROUND_TRUTH, PREDICTION, TARGET_KEYPOINT }

    /**
     * One drawn marker, in canvas pixels.
     *
     * @param number the keypoint's number, the same on both images (1-based: the point's index + 1)
     */
    record Mark(Side side, Kind kind, int number, double x, double y, double radius, boolean correct) {
    }

    private final Canvas canvas = new Canvas();
    private final ReadOnlyStringWrapper legend = new ReadOnlyStringWrapper("");
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
        legend.set(pairResult == null || runSettings == null ? "" : String.format(Locale.ROOT,
                "Source (A): numbered dot = ground-truth keypoint; cross with the same number = where the model put it; "
                        + "line = its error; ring = α·L (α %s, L %.1f); green = within α·L, red = outside.   "
                        + "Target (B): the keypoints that were transferred, numbered alike.",
                EvaluationSettings.alphaKey(thresholdAlpha), pairResult.thresholdLength()));
        redraw();
    }

    /** What the legend under the canvas says (empty while no pair is shown). */
    ReadOnlyStringProperty legendProperty() {
        return legend.getReadOnlyProperty();
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

    /** The markers for the current pair at the current size, in drawing order (empty without a pair). */
    List<Mark> marks() {
        List<Mark> marks = new ArrayList<>();
        if (result == null || settings == null) {
            return marks;
        }
        Frame f = frame();
        for (int i = 0; i < result.evaluatedPoints(); i++) {
            boolean correct = result.correct(i, alpha);
            int number = i + 1;
            marks.add(new Mark(Side.SOURCE, Kind.GROUND_TRUTH, number, f.source.x(result.sourceX()[i] * f.sx),
                    f.source.y(result.sourceY()[i] * f.sy), MARK_RADIUS, correct));
            if (!Double.isNaN(result.predictedX()[i])) {
                marks.add(new Mark(Side.SOURCE, Kind.PREDICTION, number, f.source.x(result.predictedX()[i] * f.sx),
                        f.source.y(result.predictedY()[i] * f.sy), MARK_RADIUS, correct));
            }
            if (i < result.targetX().length) {
                marks.add(new Mark(Side.TARGET, Kind.TARGET_KEYPOINT, number, f.target.x(result.targetX()[i] * f.tx),
                        f.target.y(result.targetY()[i] * f.ty), MARK_RADIUS, correct));
            }
        }
        return marks;
    }

    /** Where both images are drawn and how the evaluation frame maps onto their original pixels. */
    private record Frame(Placement source, Placement target, double sx, double sy, double tx, double ty) {
    }

    private Frame frame() {
        double half = (canvas.getWidth() - GAP) / 2;
        double height = canvas.getHeight();
        Placement source = place(result.sourceWidth(), result.sourceHeight(), 0, half, height);
        Placement target = place(result.targetWidth(), result.targetHeight(), half + GAP, half, height);
        // keypoints are in the evaluation frame: 288×288 for image-size, original pixels for bbox
        boolean imageSize = settings.threshold() == ThresholdKind.IMAGE_SIZE;
        double frame = EvaluationSettings.IMAGE_SIZE_FRAME;
        return new Frame(source, target, imageSize ? result.sourceWidth() / frame : 1,
                imageSize ? result.sourceHeight() / frame : 1, imageSize ? result.targetWidth() / frame : 1,
                imageSize ? result.targetHeight() / frame : 1);
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
        Frame f = frame();
        drawImage(g, sourceImage, f.source);
        drawImage(g, targetImage, f.target);
        // α·L is a circle in the evaluation frame; in the original image of the image-size frame it is an ellipse
        double radiusX = alpha * result.thresholdLength() * f.sx * f.source.scale;
        double radiusY = alpha * result.thresholdLength() * f.sy * f.source.scale;
        List<Mark> marks = marks();
        // rings and error lines first, so no number is painted over
        for (Mark ground : marks) {
            if (ground.kind() != Kind.GROUND_TRUTH) {
                continue;
            }
            Color colour = ground.correct() ? CORRECT : WRONG;
            g.setLineWidth(1.5);
            g.setStroke(colour.deriveColor(0, 1, 1, 0.45));
            g.strokeOval(ground.x() - radiusX, ground.y() - radiusY, 2 * radiusX, 2 * radiusY);
            marks.stream().filter(m -> m.kind() == Kind.PREDICTION && m.number() == ground.number()).findFirst()
                    .ifPresent(p -> {
                        g.setStroke(colour);
                        g.setLineWidth(2);
                        g.strokeLine(ground.x(), ground.y(), p.x(), p.y());
                    });
        }
        g.setFont(NUMBER_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (Mark mark : marks) {
            Color colour = mark.kind() == Kind.TARGET_KEYPOINT ? TARGET : mark.correct() ? CORRECT : WRONG;
            if (mark.kind() == Kind.PREDICTION) {
                Mark ground = marks.stream().filter(m -> m.kind() == Kind.GROUND_TRUTH && m.number() == mark.number())
                        .findFirst().orElse(mark);
                drawCross(g, mark, ground, colour);
            } else {
                drawDot(g, mark, colour);
            }
        }
    }

    /** A filled disc with a white rim and the number inside. */
    private static void drawDot(GraphicsContext g, Mark mark, Color colour) {
        double r = mark.radius();
        g.setFill(colour);
        g.fillOval(mark.x() - r, mark.y() - r, 2 * r, 2 * r);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        g.strokeOval(mark.x() - r, mark.y() - r, 2 * r, 2 * r);
        g.setFill(mark.kind() == Kind.TARGET_KEYPOINT ? Color.BLACK : Color.WHITE);
        g.fillText(Integer.toString(mark.number()), mark.x(), mark.y());
    }

    /**
     * A cross with a dark outline and the number beside it, outlined so it reads on any photo; the number
     * sits on the side away from the ground truth, so it never covers the numbered dot.
     */
    private static void drawCross(GraphicsContext g, Mark mark, Mark ground, Color colour) {
        double r = mark.radius() * 0.8;
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? Color.rgb(0, 0, 0, 0.7) : colour);
            g.setLineWidth(pass == 0 ? 4.5 : 2.5);
            g.strokeLine(mark.x() - r, mark.y() - r, mark.x() + r, mark.y() + r);
            g.strokeLine(mark.x() - r, mark.y() + r, mark.x() + r, mark.y() - r);
        }
        String number = Integer.toString(mark.number());
        double lx = mark.x() + (mark.x() >= ground.x() ? r + 7 : -(r + 7));
        double ly = mark.y() + (mark.y() > ground.y() ? r + 2 : -r);
        g.setStroke(Color.rgb(0, 0, 0, 0.8));
        g.setLineWidth(3);
        g.strokeText(number, lx, ly);
        g.setFill(colour.brighter());
        g.fillText(number, lx, ly);
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
