package org.learningsa.studio.export.figure;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.PixelPoint;

/** Synthetic figure content: two drawn images and a grid of matches with spread confidences (no aligner). */
final class FigureFixtures {

    static final int MATCHES = 36;

    private FigureFixtures() {
    }

    static BufferedImage picture(int width, int height, Color a, Color b) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, a, width, height, b));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(width * 0.2, height * 0.2, width * 0.4, height * 0.5));
        g.setColor(Color.DARK_GRAY);
        g.fillRect(width / 2, height / 3, width / 3, height / 6);
        g.dispose();
        return image;
    }

    /** A 6×6 grid of matches from a 600×400 source into a 480×360 target, confidences 0 … 1. */
    static MatchFigureContent content() {
        ImageRef source = new ImageRef(Path.of("source.png"), 600, 400);
        ImageRef target = new ImageRef(Path.of("target.png"), 480, 360);
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < MATCHES; i++) {
            int row = i / 6;
            int col = i % 6;
            PixelPoint from = new PixelPoint(50 + col * 100, 40 + row * 64);
            PixelPoint to = new PixelPoint(30 + col * 80 + row * 3, 30 + row * 58);
            matches.add(new Match(from, to, i / (double) (MATCHES - 1), i % 3 != 0));
        }
        List<MatchFigureContent.ScaleMatches> scales = new ArrayList<>();
        for (String title : List.of("fused", "level 1", "level 2", "level 3", "level 4")) {
            scales.add(new MatchFigureContent.ScaleMatches(title, matches.subList(0, 10)));
        }
        // full-resolution pictures twice the frames' size: what a downscaled network copy would not be
        return new MatchFigureContent(picture(1200, 800, new Color(40, 90, 160), new Color(220, 180, 60)),
                picture(960, 720, new Color(150, 40, 60), new Color(60, 200, 140)), source, target, matches,
                ConfidenceKind.FORWARD_BACKWARD, "source.png → target.png. Model: synthetic. Readout: fused.", scales,
                null, List.of());
    }

    static MatchFigureContent.InspectedPoint inspected() {
        float[] heat = new float[400];
        for (int i = 0; i < heat.length; i++) {
            int r = i / 20;
            int c = i % 20;
            heat[i] = (float) Math.exp(-((r - 8) * (r - 8) + (c - 12) * (c - 12)) / 8.0);
        }
        return new MatchFigureContent.InspectedPoint(Direction.SOURCE_TO_TARGET, new PixelPoint(250, 168),
                new PixelPoint(270, 150), heat);
    }
}
