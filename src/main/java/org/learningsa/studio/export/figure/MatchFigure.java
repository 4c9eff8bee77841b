package org.learningsa.studio.export.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.PixelPoint;

/**
 * The match figure: source and target side by side (or stacked), one vector line per match with a dot at
 * each end, coloured by confidence (least confident drawn first, so confident matches stay on top), a
 * colour bar naming the confidence kind, and a caption; optionally the five readouts as small multiples,
 * the inspected point with its heatmap over the other image, and labelled user points. Laid out in points
 * for the chosen width; the height follows from the images' aspect ratios.
 */
public final class MatchFigure implements Figure {

    /** Small multiples: one per readout, in one row. */
    private record Multiple(String title, Rectangle2D source, Rectangle2D target, List<Match> matches) {
    }

    /** One dense-flow panel: what it shows and where. */
    private record DenseCell(DensePanel panel, Rectangle2D area) {
    }

    /** The colour-wheel legend's pixels (drawn inset into the flow panel). */
    private static final int LEGEND_PIXELS = 101;

    private final MatchFigureContent content;
    private final MatchFigureOptions options;
    private final FigureStyle style;
    private final double width;
    private final double height;
    private final Rectangle2D sourcePanel;
    private final Rectangle2D targetPanel;
    private final Rectangle2D bar;
    private final List<Multiple> multiples = new ArrayList<>();
    /** The dense-flow panels under the pair, in {@link DensePanel} order. */
    private final List<DenseCell> denseCells = new ArrayList<>();
    /** Small multiples' images, made on first paint (laying out a figure must stay cheap: the dialog does it per keystroke). */
    private BufferedImage sourceThumbnail;
    private BufferedImage targetThumbnail;
    private final CaptionBlock caption;
    private final double margin;
    private final int barLabelLines;

    public MatchFigure(MatchFigureContent content, MatchFigureOptions options) {
        this.content = content;
        this.options = options;
        this.style = options.style();
        this.width = options.size().widthPt();
        double font = style.fontSizePt();
        margin = font * 0.6;
        double gap = font * 0.8;
        double inner = width - 2 * margin;
        String barLabel = content.confidenceKind().label();
        double top = margin;
        PairGeometry pair = pairGeometry(inner - gap - ColourBar.blockWidth(style, 1), gap, top);
        int lines = ColourBar.labelLines(style, barLabel, pair.height());
        if (lines > 1) {
            pair = pairGeometry(inner - gap - ColourBar.blockWidth(style, lines), gap, top);
        }
        barLabelLines = lines;
        sourcePanel = pair.source();
        targetPanel = pair.target();
        double blockHeight = pair.height();
        bar = new Rectangle2D.Double(margin + pair.width() + gap, top, 0, blockHeight);
        double y = top + blockHeight;

        boolean showMultiples = options.scales() && !content.scales().isEmpty();
        if (showMultiples) {
            int count = content.scales().size();
            double between = gap * 0.75;
            double cell = (inner - (count - 1) * between) / count;
            double pairGap = font * 0.2;
            double sourceAspect = aspect(content.source());
            double targetAspect = aspect(content.target());
            double h = (cell - pairGap) / (sourceAspect + targetAspect);
            double titleHeight = FigureText.height(FigureText.font(font * 0.85, false), 1);
            double rowTop = y + gap + titleHeight;
            for (int i = 0; i < count; i++) {
                double left = margin + i * (cell + between);
                MatchFigureContent.ScaleMatches scale = content.scales().get(i);
                multiples.add(new Multiple(scale.title(), new Rectangle2D.Double(left, rowTop, h * sourceAspect, h),
                        new Rectangle2D.Double(left + h * sourceAspect + pairGap, rowTop, h * targetAspect, h),
                        scale.matches()));
            }
            y = rowTop + h;
        }

        if (showsDense()) {
            List<DensePanel> shown = List.copyOf(options.densePanels());
            int count = shown.size();
            double between = gap * 0.75;
            double cell = (inner - (count - 1) * between) / Math.max(2, count);
            double h = cell / aspect(content.source());
            double titleHeight = FigureText.height(FigureText.font(font * 0.85, false), 1);
            double rowTop = y + gap + titleHeight;
            for (int i = 0; i < count; i++) {
                denseCells.add(new DenseCell(shown.get(i),
                        new Rectangle2D.Double(margin + i * (cell + between), rowTop, cell, h)));
            }
            y = rowTop + h;
        }

        caption = CaptionBlock.of(options.caption() ? captionText() : null, style, margin, y + gap * 0.75, inner);
        y = caption.lines().isEmpty() ? y : caption.bottom();
        height = y + margin;
    }

    /** Where the two panels go; {@code width} and {@code height} are the whole pair's. */
    private record PairGeometry(Rectangle2D source, Rectangle2D target, double width, double height) {
    }

    /** The pair laid out in {@code width} points from the top left corner (margin, top). */
    private PairGeometry pairGeometry(double width, double gap, double top) {
        double sourceAspect = aspect(content.source());
        double targetAspect = aspect(content.target());
        if (options.layout() == FigureLayout.SIDE) {
            double h = (width - gap) / (sourceAspect + targetAspect);
            return new PairGeometry(new Rectangle2D.Double(margin, top, h * sourceAspect, h),
                    new Rectangle2D.Double(margin + h * sourceAspect + gap, top, h * targetAspect, h), width, h);
        }
        double sourceHeight = width / sourceAspect;
        double targetHeight = width / targetAspect;
        return new PairGeometry(new Rectangle2D.Double(margin, top, width, sourceHeight),
                new Rectangle2D.Double(margin, top + sourceHeight + gap, width, targetHeight), width,
                sourceHeight + gap + targetHeight);
    }

    /** The caption as it will be drawn: the user's text, else the generated one (plus a note on the heatmap). */
    public String captionText() {
        if (options.captionText() != null) {
            return options.captionText();
        }
        String generated = content.caption();
        if (showsHeatmap()) {
            generated += " Heatmap: correlation of the ringed point's cell with every cell of the other image"
                    + " (stretched from its minimum to its maximum).";
        }
        if (!denseCells.isEmpty()) {
            generated += denseCaption();
        }
        return generated;
    }

    private boolean showsDense() {
        return !options.densePanels().isEmpty() && content.dense() != null;
    }

    /** The dense panels shown, in order (empty when none are asked for or the content has no correspondence). */
    public List<DensePanel> densePanels() {
        return denseCells.stream().map(DenseCell::panel).toList();
    }

    /** Where a dense panel is drawn (points), or null when it is not shown. */
    public Rectangle2D densePanelArea(DensePanel panel) {
        return denseCells.stream().filter(c -> c.panel() == panel).map(c -> (Rectangle2D) c.area().clone())
                .findFirst().orElse(null);
    }

    /** The colour wheel's square inside the flow panel: a quarter of its height, at its top right corner. */
    private Rectangle2D legendArea(Rectangle2D panel) {
        double side = Math.min(panel.getWidth(), panel.getHeight()) * 0.3;
        double inset = side * 0.08;
        return new Rectangle2D.Double(panel.getMaxX() - side - inset, panel.getY() + inset, side, side);
    }

    private String denseCaption() {
        StringBuilder text = new StringBuilder(" Below, source → target from the ")
                .append(content.dense().description()).append(':');
        List<String> parts = new ArrayList<>();
        for (DenseCell cell : denseCells) {
            parts.add(switch (cell.panel()) {
                case FLOW -> " the flow in the Middlebury colours (hue = direction, saturation = length relative to the"
                        + " 99th percentile, white = no motion; the wheel is the legend)";
                case CONFIDENCE -> " the per-pixel confidence (black 0, white 1)";
                case WARPED -> " the target resampled into the source's frame along the flow";
                case DIFFERENCE -> " its absolute difference to the source (bright where the alignment fails)";
            });
        }
        return text.append(String.join(";", parts)).append('.').toString();
    }

    private boolean showsHeatmap() {
        return options.heatmap() && content.inspected() != null;
    }

    /** Matches drawn as lines (main panels and small multiples): what an SVG's {@code <line>} count must equal. */
    public int drawnMatchLines() {
        int lines = content.matches().size();
        for (Multiple multiple : multiples) {
            lines += multiple.matches().size();
        }
        return lines;
    }

    /** Raster images embedded: two per pair shown, plus the heatmap, each dense panel and the colour wheel. */
    public int embeddedImages() {
        return 2 + 2 * multiples.size() + (showsHeatmap() ? 1 : 0) + denseCells.size()
                + (densePanelArea(DensePanel.FLOW) != null ? 1 : 0);
    }

    public Rectangle2D sourcePanel() {
        return (Rectangle2D) sourcePanel.clone();
    }

    public Rectangle2D targetPanel() {
        return (Rectangle2D) targetPanel.clone();
    }

    @Override
    public double widthPt() {
        return width;
    }

    @Override
    public double heightPt() {
        return height;
    }

    @Override
    public void paint(Graphics2D g) {
        FigurePanels.drawImage(g, content.sourceImage(), sourcePanel);
        FigurePanels.drawImage(g, content.targetImage(), targetPanel);
        if (showsHeatmap()) {
            paintHeatmap(g, content.inspected());
        }
        paintMatches(g, content.matches(), sourcePanel, targetPanel, style.lineWidthPt(), style.pointSizePt());
        if (showsHeatmap()) {
            MatchFigureContent.InspectedPoint inspected = content.inspected();
            paintRing(g, toPanel(inspected.sourcePoint(), content.source(), sourcePanel));
            paintRing(g, toPanel(inspected.targetPoint(), content.target(), targetPanel));
        }
        if (options.labels()) {
            for (MatchFigureContent.LabelledPoint point : content.labels()) {
                paintLabel(g, point.label(), toPanel(point.source(), content.source(), sourcePanel));
                paintLabel(g, point.label(), toPanel(point.target(), content.target(), targetPanel));
            }
        }
        ColourBar.paint(g, style, bar.getX(), bar.getY(), bar.getHeight(), content.confidenceKind().label(),
                barLabelLines);
        Font titleFont = FigureText.font(style.fontSizePt() * 0.85, false);
        if (!multiples.isEmpty()) {
            makeThumbnails();
        }
        for (Multiple multiple : multiples) {
            FigurePanels.drawImage(g, sourceThumbnail, multiple.source());
            FigurePanels.drawImage(g, targetThumbnail, multiple.target());
            paintMatches(g, multiple.matches(), multiple.source(), multiple.target(), style.lineWidthPt() * 0.6,
                    style.pointSizePt() * 0.6);
            g.setColor(Color.BLACK);
            g.setFont(titleFont);
            double titleWidth = FigureText.width(titleFont, multiple.title());
            double centre = (multiple.source().getX() + multiple.target().getMaxX()) / 2;
            FigureText.draw(g, multiple.title(), (float) (centre - titleWidth / 2),
                    (float) (multiple.source().getY() - style.fontSizePt() * 0.3));
        }
        if (!denseCells.isEmpty()) {
            paintDense(g, titleFont);
        }
        caption.paint(g);
    }

    private void paintDense(Graphics2D g, Font titleFont) {
        org.learningsa.studio.align.dense.FlowPictures pictures = content.dense().pictures();
        for (DenseCell cell : denseCells) {
            Rectangle2D area = cell.area();
            FigurePanels.drawImage(g, FigurePanels.toBuffered(switch (cell.panel()) {
                case FLOW -> pictures.flowColours();
                case CONFIDENCE -> pictures.confidence();
                case WARPED -> pictures.warped();
                case DIFFERENCE -> pictures.difference();
            }), area);
            // a hairline frame: white parts of a panel (no motion, full confidence) would melt into the page
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke((float) Math.max(0.25, style.lineWidthPt() * 0.4)));
            g.draw(area);
            if (cell.panel() == DensePanel.FLOW) {
                Rectangle2D legend = legendArea(area);
                Ellipse2D disc = new Ellipse2D.Double(legend.getX(), legend.getY(), legend.getWidth(),
                        legend.getHeight());
                Graphics2D clipped = (Graphics2D) g.create();
                try {
                    clipped.clip(disc);
                    FigurePanels.drawImage(clipped, FigurePanels.toBuffered(
                            org.learningsa.studio.align.dense.FlowImages.legend(LEGEND_PIXELS)), legend);
                } finally {
                    clipped.dispose();
                }
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke((float) Math.max(0.3, style.lineWidthPt() * 0.6)));
                g.draw(disc);
            }
            g.setColor(Color.BLACK);
            g.setFont(titleFont);
            double titleWidth = FigureText.width(titleFont, cell.panel().title());
            FigureText.draw(g, cell.panel().title(), (float) (area.getCenterX() - titleWidth / 2),
                    (float) (area.getY() - style.fontSizePt() * 0.3));
        }
    }

    private void paintMatches(Graphics2D g, List<Match> matches, Rectangle2D source, Rectangle2D target,
                              double lineWidth, double pointSize) {
        List<Match> ordered = new ArrayList<>(matches);
        ordered.sort(Comparator.comparingDouble(Match::confidence));
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double r = pointSize / 2;
        for (Match match : ordered) {
            PixelPoint a = toPanel(match.source(), content.source(), source);
            PixelPoint b = toPanel(match.target(), content.target(), target);
            g.setColor(style.colour(match.confidence()));
            g.draw(new Line2D.Double(a.x(), a.y(), b.x(), b.y()));
            if (r > 0) {
                g.fill(new Ellipse2D.Double(a.x() - r, a.y() - r, 2 * r, 2 * r));
                g.fill(new Ellipse2D.Double(b.x() - r, b.y() - r, 2 * r, 2 * r));
            }
        }
    }

    private void paintHeatmap(Graphics2D g, MatchFigureContent.InspectedPoint inspected) {
        boolean overTarget = inspected.direction() == Direction.SOURCE_TO_TARGET;
        ImageRef frame = overTarget ? content.target() : content.source();
        Rectangle2D panel = overTarget ? targetPanel : sourcePanel;
        Graphics2D clipped = (Graphics2D) g.create();
        try {
            clipped.clip(panel);
            FigurePanels.drawImage(clipped, HeatmapImage.of(inspected.heatmap(), style), HeatmapImage.cover(frame, panel));
        } finally {
            clipped.dispose();
        }
    }

    /** A white ring inside a black one: visible on any image. */
    private void paintRing(Graphics2D g, PixelPoint at) {
        double r = Math.max(style.pointSizePt() * 2.5, style.fontSizePt() * 0.8);
        Ellipse2D ring = new Ellipse2D.Double(at.x() - r, at.y() - r, 2 * r, 2 * r);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke((float) (style.lineWidthPt() * 2.6)));
        g.draw(ring);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (style.lineWidthPt() * 1.2)));
        g.draw(ring);
    }

    private void paintLabel(Graphics2D g, String label, PixelPoint at) {
        double r = Math.max(style.pointSizePt(), style.fontSizePt() * 0.25);
        Ellipse2D dot = new Ellipse2D.Double(at.x() - r, at.y() - r, 2 * r, 2 * r);
        g.setColor(Color.WHITE);
        g.fill(dot);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke((float) Math.max(0.3, style.lineWidthPt())));
        g.draw(dot);
        if (label == null || label.isBlank()) {
            return;
        }
        Font font = FigureText.font(style.fontSizePt() * 0.85, true);
        double textWidth = FigureText.width(font, label);
        double ascent = FigureText.ascent(font);
        double pad = font.getSize2D() * 0.2;
        double left = at.x() + r + pad;
        double baseline = at.y() - r - pad;
        g.setColor(new Color(255, 255, 255, 220));
        g.fill(new RoundRectangle2D.Double(left - pad, baseline - ascent - pad, textWidth + 2 * pad, ascent + 2 * pad,
                pad * 2, pad * 2));
        g.setColor(Color.BLACK);
        g.setFont(font);
        FigureText.draw(g, label, (float) left, (float) baseline);
    }

    /** Thumbnails at the raster's resolution (at least 150 dpi), not the originals five times over. */
    private synchronized void makeThumbnails() {
        if (sourceThumbnail == null) {
            int dpi = Math.max(150, options.size().dpi());
            Multiple first = multiples.get(0);
            sourceThumbnail = thumbnail(content.sourceImage(), first.source(), dpi);
            targetThumbnail = thumbnail(content.targetImage(), first.target(), dpi);
        }
    }

    /** Original pixel (centres at integers) → points inside the panel that shows that frame. */
    static PixelPoint toPanel(PixelPoint point, ImageRef frame, Rectangle2D panel) {
        return new PixelPoint(panel.getX() + (point.x() + 0.5) * panel.getWidth() / frame.width(),
                panel.getY() + (point.y() + 0.5) * panel.getHeight() / frame.height());
    }

    private static double aspect(ImageRef frame) {
        return (double) frame.width() / frame.height();
    }

    private static BufferedImage thumbnail(BufferedImage image, Rectangle2D panel, int dpi) {
        int pixels = FigureSize.pixels(panel.getWidth(), dpi);
        if (pixels >= image.getWidth()) {
            return image;
        }
        int height = Math.max(1, (int) Math.round((double) image.getHeight() * pixels / image.getWidth()));
        return FigurePanels.resized(image, pixels, height);
    }
}
