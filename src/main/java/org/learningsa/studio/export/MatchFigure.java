package org.learningsa.studio.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchService;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.image.ColorMaps;
import org.learningsa.studio.image.RgbImage;

/**
 * The match figure: source and target side by side at the same height, one line per match coloured by
 * its confidence (viridis, confident matches drawn last so they stay visible), a colour bar, and a caption
 * naming the model, readout, mapping and confidence kind. Written as PNG, atomically.
 */
public final class MatchFigure {

    /** Height of the image panels in figure pixels (smaller images are enlarged to it). */
    public static final int PANEL_HEIGHT = 480;
    private static final int GAP = 12;
    private static final int MARGIN = 16;
    private static final int BAR_WIDTH = 18;
    private static final int BAR_LABEL_WIDTH = 64;
    private static final int CAPTION_HEIGHT = 44;

    private MatchFigure() {
    }

    /**
     * Renders the figure.
     *
     * @param sourcePixels the source as shown (any size; scaled to the panel, points scaled from the original frame)
     * @param targetPixels the target as shown
     */
    public static BufferedImage render(MatchService.Result result, RgbImage sourcePixels, RgbImage targetPixels) {
        Alignment alignment = result.alignment();
        double sourceScale = (double) PANEL_HEIGHT / alignment.source().height();
        double targetScale = (double) PANEL_HEIGHT / alignment.target().height();
        int sourceWidth = (int) Math.round(alignment.source().width() * sourceScale);
        int targetWidth = (int) Math.round(alignment.target().width() * targetScale);
        int width = MARGIN + sourceWidth + GAP + targetWidth + GAP + BAR_WIDTH + BAR_LABEL_WIDTH + MARGIN;
        int height = MARGIN + PANEL_HEIGHT + CAPTION_HEIGHT;
        BufferedImage figure = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = figure.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int sourceX = MARGIN;
            int targetX = MARGIN + sourceWidth + GAP;
            g.drawImage(toBuffered(sourcePixels), sourceX, MARGIN, sourceWidth, PANEL_HEIGHT, null);
            g.drawImage(toBuffered(targetPixels), targetX, MARGIN, targetWidth, PANEL_HEIGHT, null);
            Graphics2D clipped = (Graphics2D) g.create();
            try {
                clipped.clipRect(sourceX, MARGIN, targetX + targetWidth - sourceX, PANEL_HEIGHT);
                drawMatches(clipped, result, sourceX, targetX, sourceScale, targetScale);
            } finally {
                clipped.dispose();
            }
            drawColourBar(g, targetX + targetWidth + GAP, result.confidence().label());
            drawCaption(g, result, width);
        } finally {
            g.dispose();
        }
        return figure;
    }

    /** Renders and writes the figure as PNG (atomically). */
    public static void writePng(MatchService.Result result, RgbImage sourcePixels, RgbImage targetPixels, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png")) {
            throw new UserFacingException("cannot write figure " + file + ": only PNG figures are supported (use a .png name)");
        }
        BufferedImage figure = render(result, sourcePixels, targetPixels);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(figure, "png", out)) {
                throw new java.io.IOException("no PNG writer available");
            }
        });
    }

    private static void drawMatches(Graphics2D g, MatchService.Result result, int sourceX, int targetX,
                                    double sourceScale, double targetScale) {
        List<Match> ordered = new ArrayList<>(result.matches().matches());
        ordered.sort(Comparator.comparingDouble(Match::confidence));
        g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Match match : ordered) {
            Color colour = new Color(ColorMaps.viridis(match.confidence()));
            double x1 = sourceX + (match.source().x() + 0.5) * sourceScale;
            double y1 = MARGIN + (match.source().y() + 0.5) * sourceScale;
            double x2 = targetX + (match.target().x() + 0.5) * targetScale;
            double y2 = MARGIN + (match.target().y() + 0.5) * targetScale;
            g.setColor(colour);
            g.draw(new Line2D.Double(x1, y1, x2, y2));
            g.fill(new Ellipse2D.Double(x1 - 2.5, y1 - 2.5, 5, 5));
            g.fill(new Ellipse2D.Double(x2 - 2.5, y2 - 2.5, 5, 5));
        }
    }

    private static void drawColourBar(Graphics2D g, int x, String label) {
        for (int y = 0; y < PANEL_HEIGHT; y++) {
            g.setColor(new Color(ColorMaps.viridis(1.0 - (double) y / (PANEL_HEIGHT - 1))));
            g.fillRect(x, MARGIN + y, BAR_WIDTH, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, MARGIN, BAR_WIDTH, PANEL_HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double tick : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            int y = (int) Math.round(MARGIN + (1 - tick) * (PANEL_HEIGHT - 1));
            g.drawLine(x + BAR_WIDTH, y, x + BAR_WIDTH + 4, y);
            g.drawString(String.format(Locale.ROOT, "%.2f", tick), x + BAR_WIDTH + 6, y + 4);
        }
        Graphics2D rotated = (Graphics2D) g.create();
        try {
            rotated.rotate(-Math.PI / 2);
            FontMetrics metrics = rotated.getFontMetrics();
            int textWidth = metrics.stringWidth(label);
            rotated.drawString(label, -(MARGIN + PANEL_HEIGHT / 2 + textWidth / 2), x + BAR_WIDTH + BAR_LABEL_WIDTH - 6);
        } finally {
            rotated.dispose();
        }
    }

    private static void drawCaption(Graphics2D g, MatchService.Result result, int width) {
        Alignment alignment = result.alignment();
        String line1 = alignment.modelName() + (alignment.semantic() ? "" : " — matches follow appearance, not meaning");
        String line2 = String.format(Locale.ROOT, "readout %s · mapping %s · colour = %s · %d matches · %s → %s",
                result.readout().label(), result.mapping().name().toLowerCase(Locale.ROOT),
                result.confidence().label(), result.matches().size(),
                alignment.source().displayName(), alignment.target().displayName());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(fit(g, line1, width - 2 * MARGIN), MARGIN, MARGIN + PANEL_HEIGHT + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(fit(g, line2, width - 2 * MARGIN), MARGIN, MARGIN + PANEL_HEIGHT + 36);
    }

    private static String fit(Graphics2D g, String text, int maxWidth) {
        FontMetrics metrics = g.getFontMetrics();
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        String shortened = text;
        while (shortened.length() > 1 && metrics.stringWidth(shortened + "…") > maxWidth) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "…";
    }

    private static BufferedImage toBuffered(RgbImage image) {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[image.width()];
        byte[] rgb = image.rgb();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int i = (y * image.width() + x) * 3;
                row[x] = ((rgb[i] & 0xFF) << 16) | ((rgb[i + 1] & 0xFF) << 8) | (rgb[i + 2] & 0xFF);
            }
            buffered.setRGB(0, y, image.width(), 1, row, 0, image.width());
        }
        return buffered;
    }
}
