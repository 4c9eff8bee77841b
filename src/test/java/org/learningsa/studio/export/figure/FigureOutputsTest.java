package org.learningsa.studio.export.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** One figure, three formats: what each file holds, and that they show the same drawing. */
class FigureOutputsTest {

    @Test
    void pngPixelSizeFollowsWidthAndDpiAndStoresTheDpi(@TempDir Path folder) throws Exception {
        for (FigureSize size : List.of(FigureSize.oneColumn(), new FigureSize(175, 150), FigureSize.inches(3, 600))) {
            MatchFigure figure = new MatchFigure(FigureFixtures.content(), MatchFigureOptions.defaults().withSize(size));
            Path png = folder.resolve("figure-" + size.dpi() + ".png");
            FigureRenderer.write(figure, png, size.dpi(), Background.WHITE);
            BufferedImage image = ImageIO.read(png.toFile());
            // width in inches × dpi: 83 mm at 300 dpi = 980.3 → 980; 175 mm at 150 = 1033.5 → 1033; 3 in at 600 = 1800
            assertEquals(Math.round(size.widthMm() / 25.4 * size.dpi() - 1e-9), image.getWidth(), size.toString());
            assertEquals(Math.round(figure.heightPt() / 72 * size.dpi()), image.getHeight(), size.toString());
            assertEquals(Math.round(size.dpi() / 0.0254), pixelsPerMetre(png), "pHYs of " + size);
        }
    }

    @Test
    void svgIsValidXmlWithOneLinePerMatchAndOneImagePerPanel(@TempDir Path folder) throws Exception {
        MatchFigure plain = new MatchFigure(FigureFixtures.content(), MatchFigureOptions.defaults());
        Document svg = parse(write(plain, folder.resolve("plain.svg")));
        assertEquals(FigureFixtures.MATCHES, count(svg, "line"), "one <line> per match");
        assertEquals(2 * FigureFixtures.MATCHES, count(svg, "circle") + count(svg, "ellipse"), "a dot at each end");
        assertEquals(2, count(svg, "image"), "source and target panels");
        assertEquals(null, svg.getDoctype(), "no DTD to fetch");
        Element root = svg.getDocumentElement();
        assertEquals("175.000mm", root.getAttribute("width"));
        assertTrue(root.getAttribute("viewBox").startsWith("0 0 496.06"), root.getAttribute("viewBox"));
        assertTrue(count(svg, "text") >= 3, "caption and colour-bar labels stay editable text");
        assertTrue(images(svg).stream().allMatch(href -> href.startsWith("data:image/png;base64,")), "embedded, not linked");

        MatchFigure withScales = new MatchFigure(FigureFixtures.content(),
                MatchFigureOptions.defaults().withExtras(true, false, false));
        Document scaled = parse(write(withScales, folder.resolve("scales.svg")));
        assertEquals(FigureFixtures.MATCHES + 5 * 10, count(scaled, "line"));
        assertEquals(withScales.drawnMatchLines(), count(scaled, "line"));
        assertEquals(2 + 5 * 2, count(scaled, "image"), "the pair and five small multiples");
    }

    @Test
    void imagesAreEmbeddedAtFullResolution(@TempDir Path folder) throws Exception {
        MatchFigure figure = new MatchFigure(FigureFixtures.content(), MatchFigureOptions.defaults());
        List<String> hrefs = images(parse(write(figure, folder.resolve("full.svg"))));
        List<Integer> widths = hrefs.stream().map(FigureOutputsTest::decodedWidth).toList();
        assertEquals(List.of(1200, 960), widths, "the pictures' own pixels, not the panel's size at some dpi");

        Path pdf = write(figure, folder.resolve("full.pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<Integer> pdfWidths = new java.util.ArrayList<>();
            collectImageWidths(document.getPage(0).getResources(), pdfWidths);
            pdfWidths.sort(null);
            assertEquals(List.of(960, 1200), pdfWidths);
        }
    }

    @Test
    void pdfHasTextAsShapesAndRendersInPdftoppmLikeThePng(@TempDir Path folder) throws Exception {
        MatchFigure figure = new MatchFigure(FigureFixtures.content().withInspected(FigureFixtures.inspected()),
                MatchFigureOptions.defaults().withExtras(true, true, false).withSize(FigureSize.oneColumn()));
        Path pdf = write(figure, folder.resolve("figure.pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, document.getNumberOfPages());
            PDPage page = document.getPage(0);
            assertEquals(figure.widthPt(), page.getMediaBox().getWidth(), 0.01, "page is the figure's size in points");
            assertEquals(0, fontCount(page.getResources()), "text is drawn as outlines: no font to embed or miss");
        }
        assumeTrue(onPath("pdftoppm"), "pdftoppm (Debian poppler-utils) not installed: skipping the PDF rendering check");
        // render both at 144 dpi, compare at 36 dpi (4×4 box average): antialiasing of hairlines and glyph
        // edges differs between Java2D and poppler, the drawing itself must not
        int dpi = 144;
        BufferedImage png = FigureRenderer.raster(figure, dpi, Background.WHITE);
        // pdftoppm rounds the page's pixel size up, the PNG rounds to nearest: ask for the PNG's size
        Process process = new ProcessBuilder("pdftoppm", "-scale-to-x", Integer.toString(png.getWidth()), "-scale-to-y",
                Integer.toString(png.getHeight()), "-png", "-singlefile", pdf.toString(),
                folder.resolve("rendered").toString()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftoppm finished");
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), output);
        BufferedImage rendered = ImageIO.read(folder.resolve("rendered.png").toFile());
        assertEquals(png.getWidth() + "x" + png.getHeight(), rendered.getWidth() + "x" + rendered.getHeight());
        double difference = meanAbsoluteDifference(boxDown(rendered, 4), boxDown(png, 4));
        // a control: the same figure without its heatmap and small multiples, as a missing layer would look
        MatchFigure without = new MatchFigure(FigureFixtures.content().withInspected(FigureFixtures.inspected()),
                MatchFigureOptions.defaults().withSize(FigureSize.oneColumn()));
        BufferedImage other = FigureRenderer.raster(without, dpi, Background.WHITE);
        double control = meanAbsoluteDifference(boxDown(rendered, 4), boxDown(other, 4));
        // measured 2.9 against 14.6 for the control: poppler snaps image edges to whole pixels (a one-pixel
        // seam at each panel edge) and antialiases hairlines its own way
        assertTrue(difference < 4 && control > 3 * difference,
                "mean absolute difference (of 255) PDF vs PNG: " + difference + ", vs a figure missing two layers: " + control);
    }

    @Test
    void transparentBackgroundLeavesTheMarginsClear() {
        MatchFigure figure = new MatchFigure(FigureFixtures.content(), MatchFigureOptions.defaults());
        BufferedImage clear = FigureRenderer.raster(figure, 72, Background.TRANSPARENT);
        BufferedImage white = FigureRenderer.raster(figure, 72, Background.WHITE);
        assertEquals(0, clear.getRGB(0, 0) >>> 24, "corner is transparent");
        assertEquals(0xFFFFFFFF, white.getRGB(0, 0), "corner is white");
        int cx = (int) figure.sourcePanel().getCenterX();
        int cy = (int) figure.sourcePanel().getCenterY();
        assertEquals(255, clear.getRGB(cx, cy) >>> 24, "the image itself is opaque");
    }

    @Test
    void heatmapAndLabelsAddTheirMarks(@TempDir Path folder) throws Exception {
        MatchFigureContent content = FigureFixtures.content().withInspected(FigureFixtures.inspected())
                .withLabels(List.of(new MatchFigureContent.LabelledPoint("nose", new org.learningsa.studio.align.PixelPoint(
                        100, 100), new org.learningsa.studio.align.PixelPoint(90, 95))));
        MatchFigure bare = new MatchFigure(content, MatchFigureOptions.defaults());
        MatchFigure marked = new MatchFigure(content, MatchFigureOptions.defaults().withExtras(false, true, true));
        Document svg = parse(write(marked, folder.resolve("marked.svg")));
        assertEquals(3, count(svg, "image"), "the pair and the heatmap");
        assertEquals(FigureFixtures.MATCHES, count(svg, "line"), "rings and labels are not match lines");
        assertTrue(svg.getDocumentElement().getTextContent().contains("nose"), "the label is text");
        assertTrue(marked.captionText().contains("Heatmap"), marked.captionText());
        assertTrue(!bare.captionText().contains("Heatmap"), bare.captionText());
        BufferedImage a = FigureRenderer.raster(bare, 72, Background.WHITE);
        BufferedImage b = FigureRenderer.raster(marked, 72, Background.WHITE);
        assertTrue(meanAbsoluteDifference(a, b) > 1, "the heatmap changes the target panel");
    }

    @Test
    void captionCanBeEditedOrSwitchedOff() {
        MatchFigureContent content = FigureFixtures.content();
        MatchFigure generated = new MatchFigure(content, MatchFigureOptions.defaults());
        MatchFigure edited = new MatchFigure(content, MatchFigureOptions.defaults().withCaption(true, "Fig. 3: my words"));
        MatchFigure none = new MatchFigure(content, MatchFigureOptions.defaults().withCaption(false, null));
        assertEquals(content.caption(), generated.captionText());
        assertEquals("Fig. 3: my words", edited.captionText());
        assertTrue(none.heightPt() < generated.heightPt(), "no caption, no caption space");
    }

    @Test
    void stackedLayoutPutsTheTargetUnderTheSource() {
        MatchFigure stacked = new MatchFigure(FigureFixtures.content(),
                MatchFigureOptions.defaults().withLayout(FigureLayout.STACKED).withSize(FigureSize.oneColumn()));
        assertTrue(stacked.targetPanel().getMinY() > stacked.sourcePanel().getMaxY());
        assertEquals(stacked.sourcePanel().getWidth(), stacked.targetPanel().getWidth(), 1e-9);
    }

    @Test
    void frameStripAndTriptychUseTheSameRenderer(@TempDir Path folder) throws Exception {
        List<BufferedImage> frames = List.of(
                FigureFixtures.picture(320, 240, java.awt.Color.RED, java.awt.Color.BLUE),
                FigureFixtures.picture(320, 240, java.awt.Color.GREEN, java.awt.Color.BLUE),
                FigureFixtures.picture(320, 240, java.awt.Color.ORANGE, java.awt.Color.BLUE),
                FigureFixtures.picture(320, 240, java.awt.Color.CYAN, java.awt.Color.BLUE));
        FrameStripFigure strip = new FrameStripFigure(frames, List.of("t = 0", "t = 1/3", "t = 2/3", "t = 1"),
                "Morph, four frames.", FigureSize.twoColumn(), FigureStyle.defaults());
        Document svg = parse(write(strip, folder.resolve("strip.svg")));
        assertEquals(4, count(svg, "image"));
        List<java.awt.geom.Rectangle2D> panels = strip.panels();
        for (int i = 1; i < panels.size(); i++) {
            assertEquals(panels.get(0).getHeight(), panels.get(i).getHeight(), 1e-9, "one row, one height");
            assertTrue(panels.get(i).getMinX() > panels.get(i - 1).getMaxX(), "left to right");
        }
        TriptychFigure triptych = new TriptychFigure(frames.get(0), frames.get(1), frames.get(2), null,
                FigureSize.oneColumn(), FigureStyle.defaults());
        Path png = write(triptych, folder.resolve("triptych.png"));
        assertEquals(490, ImageIO.read(png.toFile()).getWidth(), "83 mm at 150 dpi");
        Document tri = parse(write(triptych, folder.resolve("triptych.svg")));
        assertEquals(3, count(tri, "image"));
        assertTrue(tri.getDocumentElement().getTextContent().contains("exemplar"));
    }

    @Test
    void unknownFormatNamesTheFile() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(org.learningsa.studio.core.UserFacingException.class,
                () -> FigureFormat.of(Path.of("out", "figure.jpeg")));
        assertTrue(error.getMessage().contains("figure.jpeg") && error.getMessage().contains(".svg"), error.getMessage());
    }

    // --- helpers

    static Path write(Figure figure, Path file) {
        FigureRenderer.write(figure, file, 150, Background.WHITE);
        assertTrue(Files.isRegularFile(file), file.toString());
        return file;
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(svg.toFile());
    }

    static int count(Document svg, String tag) {
        return svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag).getLength();
    }

    private static List<String> images(Document svg) {
        var nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "image");
        List<String> hrefs = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            hrefs.add(((Element) nodes.item(i)).getAttributeNS("http://www.w3.org/1999/xlink", "href"));
        }
        return hrefs;
    }

    private static int decodedWidth(String href) {
        try {
            byte[] png = java.util.Base64.getMimeDecoder().decode(href.substring(href.indexOf(',') + 1));
            return ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void collectImageWidths(org.apache.pdfbox.pdmodel.PDResources resources, List<Integer> widths)
            throws java.io.IOException {
        for (var name : resources.getXObjectNames()) {
            var object = resources.getXObject(name);
            if (object instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                widths.add(image.getWidth());
            } else if (object instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                    && form.getResources() != null) {
                collectImageWidths(form.getResources(), widths);
            }
        }
    }

    private static int fontCount(org.apache.pdfbox.pdmodel.PDResources resources) throws java.io.IOException {
        int fonts = 0;
        for (var ignored : resources.getFontNames()) {
            fonts++;
        }
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                    && form.getResources() != null) {
                fonts += fontCount(form.getResources());
            }
        }
        return fonts;
    }

    static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        int width = Math.min(a.getWidth(), b.getWidth());
        int height = Math.min(a.getHeight(), b.getHeight());
        long sum = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * width * height);
    }

    /** Averages {@code factor}×{@code factor} blocks (what "compare at low resolution" means here). */
    static BufferedImage boxDown(BufferedImage image, int factor) {
        int width = image.getWidth() / factor;
        int height = image.getHeight() / factor;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] sum = new int[3];
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        int p = image.getRGB(x * factor + dx, y * factor + dy);
                        sum[0] += (p >> 16) & 0xFF;
                        sum[1] += (p >> 8) & 0xFF;
                        sum[2] += p & 0xFF;
                    }
                }
                int n = factor * factor;
                out.setRGB(x, y, ((sum[0] / n) << 16) | ((sum[1] / n) << 8) | (sum[2] / n));
            }
        }
        return out;
    }

    private static long pixelsPerMetre(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode physical = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("meter", physical.getAttribute("unitSpecifier"));
            assertEquals(physical.getAttribute("pixelsPerUnitXAxis"), physical.getAttribute("pixelsPerUnitYAxis"));
            reader.dispose();
            return Long.parseLong(physical.getAttribute("pixelsPerUnitXAxis"));
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
