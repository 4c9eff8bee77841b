package org.learningsa.studio.export;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;

/**
 * A looping animated GIF through the JDK's GIF writer: one palette for the animation ({@link GifPalette}, cut
 * from up to {@value #PALETTE_SAMPLE_FRAMES} evenly spaced frames), each frame Floyd–Steinberg dithered onto it,
 * the frame delay from the frame rate (GIF counts in 1/100 s, so 30 fps becomes 3/100 s, i.e. 33.3 fps), and a
 * NETSCAPE2.0 block that loops forever. Written atomically.
 */
public final class GifAnimationWriter {

    static final int PALETTE_SAMPLE_FRAMES = 9;

    private GifAnimationWriter() {
    }

    /** The delay GIF can store for a frame rate: whole 1/100 s, at least 2 (players slow smaller delays to 10). */
    public static int delayCentiseconds(double fps) {
        return (int) Math.max(2, Math.round(100 / fps));
    }

    public static void write(FrameSource frames, double fps, Path out, ProgressListener progress, CancelToken cancel) {
        int w = frames.width();
        int h = frames.height();
        int n = frames.frameCount();
        int[] argb = new int[w * h];
        GifPalette.Histogram histogram = new GifPalette.Histogram();
        int samples = Math.min(n, PALETTE_SAMPLE_FRAMES);
        for (int s = 0; s < samples; s++) {
            cancel.throwIfCancelled();
            frames.render(samples == 1 ? 0 : (int) Math.round((double) s * (n - 1) / (samples - 1)), argb);
            histogram.add(argb, w * h);
            progress.progress("palette", 0.1 * (s + 1) / samples);
        }
        GifPalette palette = histogram.palette();
        IndexColorModel model = colourModel(palette);
        int delay = delayCentiseconds(fps);
        AtomicFiles.write(out, stream -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(stream)) {
                writer.setOutput(output);
                ImageWriteParam param = writer.getDefaultWriteParam();
                writer.prepareWriteSequence(null);
                for (int i = 0; i < n; i++) {
                    cancel.throwIfCancelled();
                    frames.render(i, argb);
                    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
                    image.getRaster().setDataElements(0, 0, w, h, palette.dither(argb, w, h));
                    IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
                    configure(metadata, delay, i == 0);
                    writer.writeToSequence(new IIOImage(image, null, metadata), param);
                    progress.progress("frame " + (i + 1) + " of " + n, 0.1 + 0.9 * (i + 1) / n);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    private static IndexColorModel colourModel(GifPalette palette) {
        byte[] r = new byte[GifPalette.COLOURS];
        byte[] g = new byte[GifPalette.COLOURS];
        byte[] b = new byte[GifPalette.COLOURS];
        for (int i = 0; i < GifPalette.COLOURS; i++) {
            r[i] = (byte) (palette.colours[i] >> 16);
            g[i] = (byte) (palette.colours[i] >> 8);
            b[i] = (byte) palette.colours[i];
        }
        return new IndexColorModel(8, GifPalette.COLOURS, r, g, b);
    }

    private static void configure(IIOMetadata metadata, int delay, boolean first) throws IOException {
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            extensions.appendChild(loop);
        }
        metadata.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
