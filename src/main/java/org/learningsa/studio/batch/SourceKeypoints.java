package org.learningsa.studio.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.editing.PointsDocument;
import org.learningsa.studio.editing.PointsFile;
import org.learningsa.studio.editing.UserPoint;

/**
 * Named keypoints on one source image, to be carried to every target that image is paired with
 * ({@code lsa batch --keypoints}). Read from the editor's points file (its source ends; the label names a point,
 * else its id) or from the simple form {@code {"image": "cat.jpg", "points": [{"name": "left eye", "x": 120,
 * "y": 80}]}}; an image path is relative to the JSON file's folder.
 */
public record SourceKeypoints(Path file, Path image, List<Keypoint> points) {

    /** One named point in the source image's original pixels. */
    public record Keypoint(String name, double x, double y) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public SourceKeypoints {
        points = List.copyOf(points);
    }

    /** @throws UserFacingException naming the file and what is wrong with it */
    public static SourceKeypoints read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserFacingException("the keypoints file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new UserFacingException("the keypoints file " + file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserFacingException("cannot read the keypoints file " + file + ": " + e.getMessage(), e);
        }
        if (root != null && root.has("version")) {
            return fromPointsDocument(file, PointsFile.read(file));
        }
        try {
            return simple(file, root);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("the keypoints file " + file + " is neither the editor's points file nor "
                    + "{\"image\": …, \"points\": [{\"name\", \"x\", \"y\"}]}: " + e.getMessage());
        }
    }

    private static SourceKeypoints fromPointsDocument(Path file, PointsDocument document) {
        if (document.source().path() == null) {
            throw new UserFacingException("the keypoints file " + file + " names no source image path");
        }
        List<Keypoint> points = new ArrayList<>();
        for (UserPoint point : document.points()) {
            points.add(new Keypoint(point.label().isBlank() ? point.id() : point.label(), point.source().x(),
                    point.source().y()));
        }
        return checked(file, document.source().path(), points);
    }

    private static SourceKeypoints simple(Path file, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object at the top");
        }
        JsonNode image = root.get("image");
        if (image == null || !image.isTextual() || image.asText().isBlank()) {
            throw new IllegalArgumentException("\"image\" must name the source image");
        }
        JsonNode array = root.get("points");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("\"points\" must be an array");
        }
        List<Keypoint> points = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode p = array.get(i);
            JsonNode x = p.get("x");
            JsonNode y = p.get("y");
            if (x == null || !x.isNumber() || y == null || !y.isNumber()
                    || !Double.isFinite(x.asDouble()) || !Double.isFinite(y.asDouble())) {
                throw new IllegalArgumentException("points[" + i + "] needs numbers x and y");
            }
            JsonNode name = p.get("name");
            points.add(new Keypoint(name == null || name.asText().isBlank() ? "k" + (i + 1) : name.asText(),
                    x.asDouble(), y.asDouble()));
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        return checked(file, folder.resolve(image.asText()).normalize(), points);
    }

    private static SourceKeypoints checked(Path file, Path image, List<Keypoint> points) {
        if (points.isEmpty()) {
            throw new UserFacingException("the keypoints file " + file + " holds no points");
        }
        Set<String> names = new HashSet<>();
        for (Keypoint point : points) {
            if (!names.add(point.name())) {
                throw new UserFacingException("the keypoints file " + file + " names '" + point.name() + "' twice");
            }
        }
        return new SourceKeypoints(file, image.toAbsolutePath().normalize(), points);
    }

    /** Whether {@code source} is the image these keypoints were placed on (the same file, by path or link). */
    public boolean placedOn(Path source) {
        if (source.toAbsolutePath().normalize().equals(image)) {
            return true;
        }
        try {
            return Files.isSameFile(source, image);
        } catch (IOException e) {
            return false;
        }
    }
}
