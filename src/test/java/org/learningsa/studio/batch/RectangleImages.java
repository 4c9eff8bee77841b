package org.learningsa.studio.batch;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small PNGs of random coloured rectangles: textured enough for the default aligner, quick to align. */
public final class RectangleImages {

    private RectangleImages() {
    }

    public static void write(Path file, int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int shapes = width * height / 480;
        for (int shape = 0; shape < shapes; shape++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillRect(random.nextInt(width - 10), random.nextInt(height - 10), 5 + random.nextInt(width / 4),
                    5 + random.nextInt(height / 3));
        }
        g.dispose();
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
