package org.learningsa.studio.data;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes small benchmark folders in each layout for tests: a sample photo (assets/samples) and
 * an affine warp of it as the second image, with keypoints whose positions in both images are
 * known exactly ({@code target = scale·source + shift}).
 */
public final class BenchmarkFolders {

    /** One generated pair: source = image A, target = the warp of A; target point = scale·source + shift. */
    public record GeneratedPair(String sourceName, String targetName, int sourceWidth, int sourceHeight,
                                int targetWidth, int targetHeight, double scale, double shiftX, double shiftY,
                                double[] sourceX, double[] sourceY, double[] targetX, double[] targetY) {

        public String join(double[] values) {
            StringBuilder s = new StringBuilder();
            for (double v : values) {
                s.append(s.length() == 0 ? "" : ";").append(String.format(Locale.ROOT, "%.2f", v));
            }
            return s.toString();
        }
    }

    private BenchmarkFolders() {
    }

    public static Path samples() {
        return Path.of(System.getProperty("lsa.project", ".")).resolve("assets").resolve("samples");
    }

    /**
     * Writes {@code imageFolder/sourceName} (a sample photo resized to width×height) and
     * {@code imageFolder/targetName} (that photo scaled by {@code scale} and shifted), and returns the
     * keypoints: a 3×2 lattice inside the source, mapped exactly into the target.
     */
    public static GeneratedPair writePair(Path imageFolder, String sample, String sourceName, String targetName,
                                          int width, int height, double scale, double shiftX, double shiftY) {
        try {
            BufferedImage photo = ImageIO.read(samples().resolve(sample).toFile());
            BufferedImage source = resize(photo, width, height);
            int targetWidth = (int) Math.round(width * scale + 2 * shiftX);
            int targetHeight = (int) Math.round(height * scale + 2 * shiftY);
            BufferedImage target = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
            AffineTransform warp = new AffineTransform(scale, 0, 0, scale, shiftX, shiftY);
            new AffineTransformOp(warp, AffineTransformOp.TYPE_BILINEAR).filter(source, target);
            write(source, imageFolder.resolve(sourceName));
            write(target, imageFolder.resolve(targetName));
            double[] sx = {0.25 * width, 0.5 * width, 0.75 * width, 0.25 * width, 0.5 * width, 0.75 * width};
            double[] sy = {0.3 * height, 0.3 * height, 0.3 * height, 0.7 * height, 0.7 * height, 0.7 * height};
            double[] tx = new double[sx.length];
            double[] ty = new double[sy.length];
            for (int i = 0; i < sx.length; i++) {
                tx[i] = scale * sx[i] + shiftX;
                ty[i] = scale * sy[i] + shiftY;
            }
            return new GeneratedPair(sourceName, targetName, width, height, targetWidth, targetHeight, scale, shiftX, shiftY,
                    sx, sy, tx, ty);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A LearningSA PF-PASCAL folder: data/bbox_test_pairs_pf_pascal.csv + data/PF_Pascal/JPEGImages/. */
    public static List<GeneratedPair> writePascal(Path root, int pairs) {
        Path data = root.resolve("data");
        Path images = data.resolve("PF_Pascal").resolve("JPEGImages");
        StringBuilder csv = new StringBuilder("source_image,target_image,class,XA,YA,XB,YB,L_pck\n");
        List<GeneratedPair> generated = new java.util.ArrayList<>();
        String[] samples = {"dog.jpg", "horses.jpg", "apple.jpg", "person.jpg"};
        for (int i = 0; i < pairs; i++) {
            GeneratedPair p = writePair(images, samples[i % samples.length], String.format("2009_%06d.jpg", 2 * i),
                    String.format("2009_%06d.jpg", 2 * i + 1), 200 + 20 * i, 150, 0.8 + 0.1 * i, 10, 6);
            generated.add(p);
            csv.append("JPEGImages/").append(p.sourceName()).append(",JPEGImages/").append(p.targetName()).append(',')
                    .append(i % 2 == 0 ? 12 : 13).append(',').append(p.join(p.sourceX())).append(',').append(p.join(p.sourceY()))
                    .append(',').append(p.join(p.targetX())).append(',').append(p.join(p.targetY())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", 120.0 + i)).append('\n');
        }
        writeText(data.resolve("bbox_test_pairs_pf_pascal.csv"), csv.toString());
        return generated;
    }

    /** LearningSA's PF-WILLOW layout: data/bbox_test_pairs_pf.csv (7 columns) + data/PF-dataset/<class>/. */
    public static List<GeneratedPair> writeWillow(Path root) {
        GeneratedPair p = writePair(root.resolve("data/PF-dataset/car(G)"), "motorcycle_left.png", "car_0001.png",
                "car_0002.png", 160, 120, 0.9, 8, 4);
        writeText(root.resolve("data/bbox_test_pairs_pf.csv"), "imageA,imageB,class,XA,YA,XB,YB\ncar(G)/car_0001.png,"
                + "car(G)/car_0002.png,1," + p.join(p.sourceX()) + "," + p.join(p.sourceY()) + "," + p.join(p.targetX())
                + "," + p.join(p.targetY()) + "\n");
        return List.of(p);
    }

    /** SPair-71k: PairAnnotation/test/*.json, JPEGImages/<category>/, Layout/large/test.txt. */
    public static List<GeneratedPair> writeSpair(Path root) {
        GeneratedPair p = writePair(root.resolve("JPEGImages/cat"), "chelsea.png", "2008_000010.jpg", "2008_000011.jpg",
                150, 120, 1.1, 5, 5);
        String name = "000001-2008_000010-2008_000011:cat";
        StringBuilder src = new StringBuilder();
        StringBuilder trg = new StringBuilder();
        for (int i = 0; i < p.sourceX().length; i++) {
            src.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%.2f, %.2f]", p.sourceX()[i], p.sourceY()[i]));
            trg.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%.2f, %.2f]", p.targetX()[i], p.targetY()[i]));
        }
        writeText(root.resolve("PairAnnotation/test/" + name + ".json"), "{\"src_imname\": \"2008_000010.jpg\", "
                + "\"trg_imname\": \"2008_000011.jpg\", \"category\": \"cat\", \"src_kps\": [" + src + "], \"trg_kps\": ["
                + trg + "], \"src_bndbox\": [10, 10, 140, 110], \"trg_bndbox\": [15, 15, 160, 125], \"viewpoint_variation\": 1, "
                + "\"scale_variation\": 0, \"truncation\": 0, \"occlusion\": 2}\n");
        writeText(root.resolve("Layout/large/test.txt"), name + "\n");
        return List.of(p);
    }

    /** CroDom as the app defines it: crodom_test_pairs.csv in the PF-PASCAL layout with a domain column. */
    public static List<GeneratedPair> writeCrodom(Path root) {
        GeneratedPair p = writePair(root.resolve("images"), "person.jpg", "photo_1.jpg", "painting_1.jpg", 120, 160, 0.85, 6, 6);
        writeText(root.resolve("crodom_test_pairs.csv"), "source_image,target_image,class,XA,YA,XB,YB,L_pck,domain\n"
                + "images/photo_1.jpg,images/painting_1.jpg,person," + p.join(p.sourceX()) + "," + p.join(p.sourceY()) + ","
                + p.join(p.targetX()) + "," + p.join(p.targetY()) + ",130,photo-painting\n");
        return List.of(p);
    }

    public static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ImageIO.write(image, name.endsWith(".png") ? "png" : "jpg", file.toFile());
    }
}
