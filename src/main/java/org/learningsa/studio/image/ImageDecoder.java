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
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
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
                ImageReadParam param = reader.getDefaultReadParam();
                // read huge files with integer subsampling first (keeping at least 2× the final size)
                int subsampling = Math.max(1, Math.max(width, height) / (2 * maxSide));
                if (maxSide != Integer.MAX_VALUE && subsampling > 1) {
                    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
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
            throw new UserFacingException("cannot read image " + file + ": " + reason, e);
        }
    }

    /** The EXIF orientation tag (1 = as stored … 8), 1 when absent or unreadable. */
    static int exifOrientation(Path file) {
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
