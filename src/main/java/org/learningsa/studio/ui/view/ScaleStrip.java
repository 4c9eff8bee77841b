package org.learningsa.studio.ui.view;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ExactMapping;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchSet;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;

/**
 * Five small views of the same pair — levels 1–4 and fused — each with its matches coloured by its
 * own confidence, so a user sees at a glance which scale is sure where. The fused view can show the
 * learned level weights a_L as a map over the target: each cell in its dominant level's colour,
 * as opaque as that level's weight. Clicking a view selects its readout.
 */
public final class ScaleStrip extends HBox {

    /** Categorical colours of levels 1–4 in the level-weight map. */
    public static final Color[] LEVEL_COLOURS = LevelWeightMap.LEVEL_COLOURS;
    private static final Readout[] ORDER = {Readout.LEVEL_1, Readout.LEVEL_2, Readout.LEVEL_3, Readout.LEVEL_4, Readout.FUSED};

    private final Map<Readout, Thumbnail> thumbnails = new EnumMap<>(Readout.class);
    private Image sourceImage;
    private Image targetImage;
    private Alignment alignment;
    private Map<Readout, MatchSet> matches = Map.of();
    private ColorMap colorMap = ColorMap.VIRIDIS;
    private boolean levelWeights;
    private Readout selected = Readout.FUSED;

    public ScaleStrip(Consumer<Readout> onSelect) {
        super(6);
        setId("scaleStrip");
        getStyleClass().add("scale-strip");
        setPadding(new Insets(4, 6, 4, 6));
        setPrefHeight(190);
        setMinHeight(90);
        for (Readout readout : ORDER) {
            Thumbnail thumbnail = new Thumbnail(readout);
            thumbnail.setOnMouseClicked(e -> onSelect.accept(readout));
            thumbnails.put(readout, thumbnail);
            HBox.setHgrow(thumbnail, Priority.ALWAYS);
            getChildren().add(thumbnail);
        }
    }

    public void setImages(Image source, Image target) {
        this.sourceImage = source;
        this.targetImage = target;
        redraw();
    }

    public void setData(Alignment newAlignment, Map<Readout, MatchSet> perReadout, ColorMap map, boolean showLevelWeights,
            Readout current) {
        this.alignment = newAlignment;
        this.matches = perReadout == null ? Map.of() : perReadout;
        this.colorMap = map;
        this.levelWeights = showLevelWeights;
        this.selected = current;
        redraw();
    }

    /**
     * A match's colour in a view of the strip: on its set's {@link ColourRange}, so level weights (all near 0.25)
     * spread over the colour map here as in the main view.
     */
    static Color matchColour(ColorMap map, MatchSet set, Match match) {
        return map.at(ColourRange.of(set.confidenceKind(), set).fraction(match.confidence()));
    }

    private void redraw() {
        thumbnails.values().forEach(Thumbnail::draw);
    }

    private final class Thumbnail extends VBox {
        private final Readout readout;
        private final Canvas canvas = new Canvas();
        private final Pane holder = new Pane(canvas);

        Thumbnail(Readout readout) {
            super(2);
            this.readout = readout;
            setId("scale-" + (readout == Readout.FUSED ? "fused" : "level" + readout.level()));
            getStyleClass().add("scale-thumbnail");
            Label caption = new Label(readout == Readout.FUSED ? "fused" : "level " + readout.level());
            caption.getStyleClass().add("scale-caption");
            VBox.setVgrow(holder, Priority.ALWAYS);
            holder.setMinSize(60, 40);
            holder.setPrefSize(200, 100);
            canvas.widthProperty().bind(holder.widthProperty());
            canvas.heightProperty().bind(holder.heightProperty());
            canvas.widthProperty().addListener(obs -> draw());
            canvas.heightProperty().addListener(obs -> draw());
            getChildren().addAll(caption, holder);
            setMinWidth(80);
            setPrefWidth(200);
        }

        void draw() {
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), readout == selected);
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            g.setFill(Color.web("#202124"));
            g.fillRect(0, 0, w, h);
            if (sourceImage == null || targetImage == null || w < 4 || h < 4) {
                return;
            }
            double gap = 4;
            // side by side or one above the other, whichever shows the images larger
            // the two images meet at the middle, so the match lines stay short
            Rectangle2D left = fitInto(sourceImage, 0, 0, (w - gap) / 2, h, 1, 0.5);
            Rectangle2D right = fitInto(targetImage, (w + gap) / 2, 0, (w - gap) / 2, h, 0, 0.5);
            Rectangle2D top = fitInto(sourceImage, 0, 0, w, (h - gap) / 2, 0.5, 1);
            if (top.getWidth() > left.getWidth()) {
                left = top;
                right = fitInto(targetImage, 0, (h + gap) / 2, w, (h - gap) / 2, 0.5, 0);
            }
            g.drawImage(sourceImage, left.getMinX(), left.getMinY(), left.getWidth(), left.getHeight());
            g.drawImage(targetImage, right.getMinX(), right.getMinY(), right.getWidth(), right.getHeight());
            if (alignment == null) {
                return;
            }
            if (readout == Readout.FUSED && levelWeights) {
                drawLevelWeights(g, right);
            }
            MatchSet set = matches.get(readout);
            if (set == null) {
                return;
            }
            g.setLineWidth(0.8);
            var ordered = new java.util.ArrayList<>(set.matches());
            ordered.sort(java.util.Comparator.comparingDouble(Match::confidence));
            for (Match match : ordered) {
                double[] s = place(match.source(), alignment.source().width(), alignment.source().height(), left);
                double[] t = place(match.target(), alignment.target().width(), alignment.target().height(), right);
                Color colour = matchColour(colorMap, set, match);
                if (!levelWeights || readout != Readout.FUSED) {
                    g.setStroke(colour.deriveColor(0, 1, 1, 0.6));
                    g.strokeLine(s[0], s[1], t[0], t[1]);
                }
                g.setFill(colour);
                g.fillOval(s[0] - 1.5, s[1] - 1.5, 3, 3);
            }
        }

        private void drawLevelWeights(GraphicsContext g, Rectangle2D area) {
            int width = alignment.target().width();
            int height = alignment.target().height();
            LevelWeightMap.paint(alignment, (left, top, right, bottom, fill) -> {
                double[] a = place(new PixelPoint(left, top), width, height, area);
                double[] b = place(new PixelPoint(right, bottom), width, height, area);
                g.setFill(fill);
                g.fillRect(a[0], a[1], b[0] - a[0], b[1] - a[1]);
            });
            LevelWeightMap.drawKey(g, 2, canvas.getHeight() - 4);
        }
    }

    /** The largest rectangle of the image's aspect in (x, y, w, h), placed by alignX/alignY (0 left/top … 1 right/bottom). */
    private static Rectangle2D fitInto(Image image, double x, double y, double w, double h, double alignX, double alignY) {
        double scale = Math.min(w / image.getWidth(), h / image.getHeight());
        double iw = image.getWidth() * scale;
        double ih = image.getHeight() * scale;
        return new Rectangle2D(x + (w - iw) * alignX, y + (h - ih) * alignY, iw, ih);
    }

    /** Pixel-centre coordinates of an image of size (width, height) → position in {@code area}. */
    private static double[] place(PixelPoint p, int width, int height, Rectangle2D area) {
        return new double[] {area.getMinX() + (p.x() + 0.5) / width * area.getWidth(),
            area.getMinY() + (p.y() + 0.5) / height * area.getHeight()};
    }
}
