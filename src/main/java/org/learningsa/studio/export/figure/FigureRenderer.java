package org.learningsa.studio.export.figure;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.util.SVGConstants;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.UserFacingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;

/**
 * Writes any {@link Figure} as PNG, SVG or PDF from its one {@code paint} method, so the three show the
 * same drawing. Libraries (all Apache-2.0): Batik's SVGGraphics2D for SVG (lines stay {@code <line>}
 * elements, text stays editable {@code <text>}, images are embedded as PNG at their own resolution), PDFBox
 * with rototor's PdfBoxGraphics2D for PDF (text drawn as vector outlines, so no font needs embedding;
 * images embedded losslessly at their own resolution), the JDK's PNG writer with a {@code pHYs} chunk
 * for the DPI. Files are written atomically.
 */
public final class FigureRenderer {

    /** Refuses rasters beyond this many pixels (a 175 mm figure at 2400 dpi is about 16,500 px wide). */
    public static final long MAX_RASTER_PIXELS = 150_000_000L;
    private static final double METRES_PER_INCH = 0.0254;
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");

    private FigureRenderer() {
    }

    /** Writes {@code figure} in the format of {@code file}'s extension; {@code dpi} only matters for PNG. */
    public static void write(Figure figure, Path file, int dpi, Background background) {
        FigureFormat format = FigureFormat.of(file);
        checkRasterSize(figure, dpi, format);
        try {
            AtomicFiles.write(file, out -> write(figure, format, dpi, background, out));
        } catch (UserFacingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserFacingException("cannot write figure " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code figure} as {@code format} to a stream (not closed). */
    public static void write(Figure figure, FigureFormat format, int dpi, Background background, OutputStream out)
            throws IOException {
        switch (format) {
            case PNG -> writePng(raster(figure, dpi, background), dpi, out);
            case SVG -> writeSvg(figure, background, out);
            case PDF -> writePdf(figure, background, out);
        }
    }

    /** Width × height in pixels of the figure's raster at {@code dpi}: width in inches × dpi, rounded. */
    public static Dimension rasterSize(Figure figure, int dpi) {
        return new Dimension(FigureSize.pixels(figure.widthPt(), dpi), FigureSize.pixels(figure.heightPt(), dpi));
    }

    /** The figure drawn into pixels at {@code dpi}: what a PNG holds, and the app's preview at screen dpi. */
    public static BufferedImage raster(Figure figure, int dpi, Background background) {
        checkRasterSize(figure, dpi, FigureFormat.PNG);
        Dimension size = rasterSize(figure, dpi);
        BufferedImage image = new BufferedImage(size.width, size.height,
                background == Background.TRANSPARENT ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            if (background == Background.WHITE) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, size.width, size.height);
            }
            qualityHints(g);
            g.setRenderingHint(FigurePanels.KEY_RASTER_OUTPUT, Boolean.TRUE);
            g.scale(size.width / figure.widthPt(), size.height / figure.heightPt());
            figure.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void checkRasterSize(Figure figure, int dpi, FigureFormat format) {
        if (format != FigureFormat.PNG) {
            return;
        }
        Dimension size = rasterSize(figure, dpi);
        if ((long) size.width * size.height > MAX_RASTER_PIXELS) {
            throw new UserFacingException(String.format(Locale.ROOT,
                    "a %d × %d pixel figure is too large to write (more than %d megapixels): lower the dpi or the width",
                    size.width, size.height, MAX_RASTER_PIXELS / 1_000_000));
        }
    }

    static void qualityHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** PNG with a pHYs chunk: pixels per metre = dpi / 0.0254, so layout programs place it at its printed size. */
    static void writePng(BufferedImage image, int dpi, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            String pixelsPerMetre = Long.toString(Math.round(dpi / METRES_PER_INCH));
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
            physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(physical);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * SVG in point units: {@code viewBox="0 0 w h"} with width and height in mm, so editors open it at its
     * printed size; one {@code <line>} per match and one {@code <image>} per panel.
     */
    static void writeSvg(Figure figure, Background background, OutputStream out) throws IOException {
        Document document = GenericDOMImplementation.getDOMImplementation()
                .createDocument(SVGConstants.SVG_NAMESPACE_URI, SVGConstants.SVG_SVG_TAG, null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("LearningSA Studio figure");
        context.setPrecision(6);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        try {
            g.setSVGCanvasSize(new Dimension((int) Math.ceil(figure.widthPt()), (int) Math.ceil(figure.heightPt())));
            qualityHints(g);
            if (background == Background.WHITE) {
                g.setColor(Color.WHITE);
                g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, figure.widthPt(), figure.heightPt()));
            }
            figure.paint(g);
            Element root = g.getRoot();
            double mmPerPt = FigureSize.MM_PER_INCH / FigureSize.POINTS_PER_INCH;
            root.setAttribute("width", String.format(Locale.ROOT, "%.3fmm", figure.widthPt() * mmPerPt));
            root.setAttribute("height", String.format(Locale.ROOT, "%.3fmm", figure.heightPt() * mmPerPt));
            root.setAttribute("viewBox", String.format(Locale.ROOT, "0 0 %.4f %.4f", figure.widthPt(), figure.heightPt()));
            StringWriter text = new StringWriter();
            g.stream(root, text, true, false);
            // Batik declares the SVG 1.0 DTD by URL; a parser that follows it goes online for nothing
            String svg = DOCTYPE.matcher(text.toString()).replaceFirst("");
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(svg);
            writer.flush();
        } finally {
            g.dispose();
        }
    }

    /** One PDF page of the figure's size in points; the drawing is a form XObject placed on it. */
    static void writePdf(Figure figure, Background background, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            float width = (float) figure.widthPt();
            float height = (float) figure.heightPt();
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            document.getDocumentInformation().setCreator("LearningSA Studio");
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, width, height);
            try {
                qualityHints(g);
                if (background == Background.WHITE) {
                    g.setColor(Color.WHITE);
                    g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
                }
                figure.paint(g);
            } finally {
                g.dispose();
            }
            PDFormXObject drawing = g.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(drawing);
            }
            document.save(out);
        }
    }
}
