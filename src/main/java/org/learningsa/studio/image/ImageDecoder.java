package org.learningsa.studio.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an image file into 8-bit RGB the way a user expects to see it: the EXIF orientation applied,
 * greyscale, palette, 16-bit, CMYK/YCCK JPEG (through the TwelveMonkeys plugin) converted to RGB,
 * transparency composited over white. An unreadable file is a {@link UserFacingException} naming it.
 */
public final class ImageDecoder {

    /**
     * Longest side given to the network. The network squashes every image to 288×288, so more pixels
     * only cost memory and resize time; results are still reported in the original frame.
     */
    public static final int MAX_NETWORK_SIDE = 2048;

    private static final Logger LOG = LoggerFactory.getLogger(ImageDecoder.class);

    static {
        ImageIO.setUseCache(false);
    }

    private ImageDecoder() {
    }

    /** The whole image at its original size, oriented. */
    public static RgbImage decode(Path file) {
        return decode(file, Integer.MAX_VALUE).pixels();
    }

    /** The image for the network: oriented, downscaled to at most {@link #MAX_NETWORK_SIDE} on its longest side. */
    public static DecodedImage decodeForNetwork(Path file) {
        return decode(file, MAX_NETWORK_SIDE);
    }

    /** The image oriented, downscaled (area averaging) when its longest side exceeds {@code maxSide}. */
    public static DecodedImage decode(Path file, int maxSide) {
        return decode(file, maxSide, new ArrayList<>());
    }

    /**
     * The whole image at its original size, oriented, with what the decoder said about damage: a JPEG cut
     * short decodes with its missing part grey, and a viewer must tell the user instead of showing it silently.
     */
    public static ViewedImage decodeForViewing(Path file) {
        List<String> warnings = new ArrayList<>();
        RgbImage pixels = decode(file, Integer.MAX_VALUE, warnings).pixels();
        return new ViewedImage(pixels, warnings.isEmpty() ? null : EchoedText.name(String.join("; ", warnings)));
    }

    private static DecodedImage decode(Path file, int maxSide, List<String> warnings) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("cannot read image " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new UserFacingException("cannot read image " + file + ": permission denied");
        }
        int orientation = exifOrientation(file);
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                throw new UserFacingException("cannot read image " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UserFacingException("cannot read image " + file
                        + ": not a supported image format (JPEG, PNG, BMP, GIF, TIFF, WBMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkDeclaredSize(file, width, height, maxSide == Integer.MAX_VALUE);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                // read huge files with integer subsampling first (keeping at least 2× the final size)
                int subsampling = Math.max(1, Math.max(width, height) / (2 * maxSide));
                if (maxSide != Integer.MAX_VALUE && subsampling > 1) {
                    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (!warnings.isEmpty()) {
                    // a JPEG cut short decodes with its missing part grey: say so instead of matching it silently
                    LOG.warn("{} may be damaged or cut short ({}); the missing part of the image is filled in",
                            file, EchoedText.name(String.join("; ", warnings)));
                }
                RgbImage rgb = Orientation.apply(toRgb(image), orientation);
                boolean swapsAxes = orientation >= 5 && orientation <= 8;
                int originalWidth = swapsAxes ? height : width;
                int originalHeight = swapsAxes ? width : height;
                int longest = Math.max(rgb.width(), rgb.height());
                if (longest > maxSide) {
                    double scale = (double) maxSide / longest;
                    rgb = AreaResize.resize(rgb, Math.max(1, (int) Math.round(rgb.width() * scale)),
                            Math.max(1, (int) Math.round(rgb.height() * scale)));
                    LOG.info("{}: {}x{} downscaled to {}x{} for the network", file.getFileName(),
                            originalWidth, originalHeight, rgb.width(), rgb.height());
                }
                return new DecodedImage(file, rgb, originalWidth, originalHeight);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserFacingException ufe) {
                throw ufe;
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UserFacingException("cannot read image " + file + ": " + EchoedText.name(reason), e);
        }
    }

    /**
     * Refuses a declared size no real photo has (a forged header costs nothing to write and would make the
     * decoder allocate gigabytes); at full resolution the decoded pixels are bounded too.
     */
    private static void checkDeclaredSize(Path file, int width, int height, boolean fullResolution) {
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0 || width > InputLimits.IMAGE_MAX_SIDE || height > InputLimits.IMAGE_MAX_SIDE
                || pixels > InputLimits.IMAGE_MAX_DECLARED_PIXELS) {
            throw new UserFacingException("cannot read image " + file + ": it declares " + width + "x" + height
                    + " pixels, more than this app reads (sides up to " + InputLimits.IMAGE_MAX_SIDE + ", at most "
                    + InputLimits.IMAGE_MAX_DECLARED_PIXELS / 1_000_000 + " megapixels); a forged or corrupt header?");
        }
        if (fullResolution && pixels > InputLimits.IMAGE_MAX_FULL_RESOLUTION_PIXELS) {
            throw new UserFacingException("cannot open image " + file + " at full resolution: " + width + "x" + height
                    + " is more than " + InputLimits.IMAGE_MAX_FULL_RESOLUTION_PIXELS / (1 << 20) + " M pixels; "
                    + "downscale it first");
        }
    }

    /**
     * The EXIF orientation tag (1 = as stored … 8), 1 when absent or unreadable. Read only from JPEG and TIFF
     * files, whose metadata segments are bounded: for PNG the metadata library inflates every zTXt/iTXt chunk
     * whole, and a 3 MB PNG with a compressed text bomb ran out of memory there (issue 11).
     */
    static int exifOrientation(Path file) {
        if (!hasBoundedMetadata(file)) {
            return 1;
        }
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (directory.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    int value = directory.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
            LOG.debug("no EXIF orientation in {}: {}", file, e.toString());
        }
        return 1;
    }

    /** JPEG (FF D8) or TIFF (II*\0 / MM\0*) by their first bytes. */
    private static boolean hasBoundedMetadata(Path file) {
        byte[] head = new byte[4];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        boolean jpeg = (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8;
        boolean tiff = (head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42);
        return jpeg || tiff;
    }

    /** Any decoded image → 8-bit sRGB; alpha composited over white; greyscale copied, not gamma-converted. */
    static RgbImage toRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgb = new byte[width * height * 3];
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        boolean grey = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && raster.getNumBands() <= 2;
        if (grey) {
            // Java's grey colour space is linear; getRGB would brighten the image. Copy the values.
            int bits = model.getComponentSize(0);
            double toByte = 255.0 / ((1L << bits) - 1);
            boolean alpha = raster.getNumBands() == 2;
            double alphaToUnit = alpha ? 1.0 / ((1L << model.getComponentSize(1)) - 1) : 1;
            int[] row = new int[width * raster.getNumBands()];
            for (int y = 0; y < height; y++) {
                raster.getPixels(0, y, width, 1, row);
                for (int x = 0; x < width; x++) {
                    double value = row[x * raster.getNumBands()] * toByte;
                    if (alpha) {
                        double a = row[x * 2 + 1] * alphaToUnit;
                        value = value * a + 255 * (1 - a);
                    }
                    byte b = (byte) Math.max(0, Math.min(255, Math.round(value)));
                    int i = (y * width + x) * 3;
                    rgb[i] = b;
                    rgb[i + 1] = b;
                    rgb[i + 2] = b;
                }
            }
            return new RgbImage(width, height, rgb);
        }
        int[] argb = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, argb, 0, width);
            for (int x = 0; x < width; x++) {
                int p = argb[x];
                int a = p >>> 24;
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (a != 255) {
                    r = (r * a + 255 * (255 - a) + 127) / 255;
                    g = (g * a + 255 * (255 - a) + 127) / 255;
                    b = (b * a + 255 * (255 - a) + 127) / 255;
                }
                int i = (y * width + x) * 3;
                rgb[i] = (byte) r;
                rgb[i + 1] = (byte) g;
                rgb[i + 2] = (byte) b;
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
