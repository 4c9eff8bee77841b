package org.learningsa.studio.export.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;

/** The dense-flow panels of a match figure: laid out only when asked for, drawn in the Middlebury colours. */
public class DenseFigurePanelsTest {

    /**
     * An expansion about the source's centre (so the flow points every way and the panel holds every hue), the
     * right half of the source with confidence 0 and the left half with 1.
     */
    public static Correspondence expansion(ImageRef source, ImageRef target) {
        return new Correspondence() {
            @Override
            public ImageRef source() {
                return source;
            }

            @Override
            public ImageRef target() {
                return target;
            }

            @Override
            public PixelPoint map(Direction direction, double x, double y) {
                ImageRef from = direction == Direction.SOURCE_TO_TARGET ? source : target;
                double cx = from.width() / 2.0;
                double cy = from.height() / 2.0;
                return new PixelPoint(x + 0.1 * (x - cx), y + 0.1 * (y - cy));
            }

            @Override
            public double confidence(Direction direction, double x, double y) {
                ImageRef from = direction == Direction.SOURCE_TO_TARGET ? source : target;
                return x < from.width() / 2.0 ? 1 : 0;
            }

            @Override
            public String description() {
                return "synthetic expansion";
            }

            @Override
            public boolean semantic() {
                return false;
            }
        };
    }

    static MatchFigureContent content() {
        MatchFigureContent plain = FigureFixtures.content();
        return plain.withDense(new DenseFigureImages(expansion(plain.source(), plain.target()),
                rgb(plain.sourceImage()), rgb(plain.targetImage())));
    }

    @Test
    void defaultsShowNoDensePanelsAndKeepTheFigureAsItWas() {
        MatchFigure plain = new MatchFigure(FigureFixtures.content(), MatchFigureOptions.defaults());
        MatchFigure withCorrespondence = new MatchFigure(content(), MatchFigureOptions.defaults());
        assertEquals(List.of(), withCorrespondence.densePanels());
        assertEquals(plain.heightPt(), withCorrespondence.heightPt(), 1e-9);
        assertEquals(plain.captionText(), withCorrespondence.captionText());
        // asked for, but no correspondence: nothing to draw, nothing laid out
        MatchFigure noMap = new MatchFigure(FigureFixtures.content(),
                MatchFigureOptions.defaults().withDensePanels(EnumSet.allOf(DensePanel.class)));
        assertEquals(List.of(), noMap.densePanels());
        assertEquals(plain.heightPt(), noMap.heightPt(), 1e-9);
    }

    @Test
    void thePngShowsTheColourWheelFlowTheConfidenceAndTheWarpedTarget(@TempDir Path folder) throws Exception {
        MatchFigureOptions options = MatchFigureOptions.defaults().withSize(new FigureSize(175, 150))
                .withDensePanels(EnumSet.allOf(DensePanel.class));
        MatchFigure figure = new MatchFigure(content(), options);
        assertEquals(List.of(DensePanel.values()), figure.densePanels());
        assertTrue(figure.captionText().contains("Middlebury"), figure.captionText());
        assertTrue(figure.captionText().contains("synthetic expansion"), figure.captionText());
        Path png = folder.resolve("dense.png");
        FigureRenderer.write(figure, png, 150, Background.WHITE);
        BufferedImage image = ImageIO.read(png.toFile());
        double scale = 150 / 72.0;

        // the flow panel: an expansion points every way, so the Middlebury hues all appear (outside the legend)
        Rectangle2D flow = figure.densePanelArea(DensePanel.FLOW);
        int[] hues = new int[6];
        for (int y = px(flow.getY(), scale) + 2; y < px(flow.getMaxY(), scale) - 2; y++) {
            for (int x = px(flow.getX(), scale) + 2; x < px(flow.getMaxX(), scale) - 2; x++) {
                int rgb = image.getRGB(x, y);
                float[] hsb = java.awt.Color.RGBtoHSB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, null);
                if (hsb[1] > 0.5 && hsb[2] > 0.5) {
                    hues[Math.min(5, (int) (hsb[0] * 6 + 0.5) % 6)]++;
                }
            }
        }
        for (int k = 0; k < 6; k++) {
            assertTrue(hues[k] > 20, "hue sextant " + k + " in the flow panel: " + java.util.Arrays.toString(hues));
        }
        // the legend's centre is white (no motion), inside the flow panel's top right corner
        Rectangle2D wheel = new Rectangle2D.Double(flow.getMaxX() - flow.getHeight() * 0.3 * 1.08,
                flow.getY() + flow.getHeight() * 0.3 * 0.08, flow.getHeight() * 0.3, flow.getHeight() * 0.3);
        int centre = image.getRGB(px(wheel.getCenterX(), scale), px(wheel.getCenterY(), scale));
        assertTrue((centre >> 16 & 0xFF) > 235 && (centre >> 8 & 0xFF) > 235 && (centre & 0xFF) > 235,
                Integer.toHexString(centre));
        int rightOfCentre = image.getRGB(px(wheel.getCenterX() + wheel.getWidth() * 0.45, scale),
                px(wheel.getCenterY(), scale));
        assertTrue((rightOfCentre >> 16 & 0xFF) > 180 && (rightOfCentre >> 8 & 0xFF) < 90,
                "rightwards is red on the wheel: " + Integer.toHexString(rightOfCentre));

        // the confidence panel: white where the map says 1 (left half), black where 0 (right half)
        Rectangle2D confidence = figure.densePanelArea(DensePanel.CONFIDENCE);
        int y = px(confidence.getCenterY(), scale);
        assertEquals(0xFFFFFF, image.getRGB(px(confidence.getX() + confidence.getWidth() * 0.25, scale), y) & 0xFFFFFF);
        assertEquals(0x000000, image.getRGB(px(confidence.getX() + confidence.getWidth() * 0.75, scale), y) & 0xFFFFFF);

        // the warped panel holds the target's colours, the difference panel is not blank
        assertTrue(figure.densePanelArea(DensePanel.WARPED).getMaxY() < figure.heightPt());
        assertTrue(spread(image, figure.densePanelArea(DensePanel.DIFFERENCE), scale) > 30);
    }

    @Test
    void onlyTheTickedPanelsAreLaidOutAndSvgEmbedsOneImageEach(@TempDir Path folder) throws Exception {
        MatchFigure figure = new MatchFigure(content(), MatchFigureOptions.defaults()
                .withDensePanels(EnumSet.of(DensePanel.DIFFERENCE, DensePanel.WARPED)));
        assertEquals(List.of(DensePanel.WARPED, DensePanel.DIFFERENCE), figure.densePanels());
        assertNull(figure.densePanelArea(DensePanel.FLOW));
        assertEquals(4, figure.embeddedImages());
        Path svg = folder.resolve("dense.svg");
        FigureRenderer.write(figure, svg, 300, Background.WHITE);
        String text = Files.readString(svg);
        assertEquals(4, text.split("<image", -1).length - 1, "pair + two dense panels");
    }

    @Test
    void panelNamesParseAndUnknownOnesAreNamed() {
        assertEquals(EnumSet.allOf(DensePanel.class), DensePanel.parse("all"));
        assertEquals(Set.of(DensePanel.FLOW, DensePanel.DIFFERENCE), DensePanel.parse("flow, difference"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DensePanel.parse("flwo"));
        assertTrue(e.getMessage().contains("'flwo'"), e.getMessage());
    }

    static org.learningsa.studio.image.RgbImage rgb(BufferedImage image) {
        byte[] rgb = new byte[3 * image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int i = 3 * (y * image.getWidth() + x);
                rgb[i] = (byte) (argb >> 16);
                rgb[i + 1] = (byte) (argb >> 8);
                rgb[i + 2] = (byte) argb;
            }
        }
        return new org.learningsa.studio.image.RgbImage(image.getWidth(), image.getHeight(), rgb);
    }

    private static int px(double points, double scale) {
        return (int) Math.floor(points * scale);
    }

    /** Brightest minus darkest red value in the area: 0 for a blank panel. */
    private static int spread(BufferedImage image, Rectangle2D area, double scale) {
        int min = 255;
        int max = 0;
        for (int y = px(area.getY(), scale) + 1; y < px(area.getMaxY(), scale) - 1; y++) {
            for (int x = px(area.getX(), scale) + 1; x < px(area.getMaxX(), scale) - 1; x++) {
                int red = image.getRGB(x, y) >> 16 & 0xFF;
                min = Math.min(min, red);
                max = Math.max(max, red);
            }
        }
        return max - min;
    }
}
