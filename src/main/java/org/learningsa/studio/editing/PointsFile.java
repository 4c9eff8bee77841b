package org.learningsa.studio.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;

/**
 * Reads and writes the points file, the JSON contract scripts rely on:
 * <pre>{"version": 1, "pixel_convention": "x right, y down, pixel centres at integers, original image pixels",
 *  "source": {"path": "a.jpg", "width": 640, "height": 480, "sha256": "…"}, "target": {…},
 *  "points": [{"id": "p1", "label": "", "source": [x, y], "target": [x, y], "origin": "user", "locked": true}]}</pre>
 * A point the network placed may also carry {@code "confidence": c} (keypoints transferred by {@code lsa batch}).
 * Image paths are stored relative to the points file's folder where possible (so a folder of images and
 * points can be moved together) and are absolute once read. Writes are atomic; a file that cannot be
 * read is reported in one line naming it and what is wrong.
 */
public final class PointsFile {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Coordinates are written to 1/1000 px: far below what a click or the correction can tell apart. */
    private static final double STEPS_PER_PIXEL = 1000.0;

    private PointsFile() {
    }

    /**
     * @throws UserFacingException naming the file when it is missing, a folder, not JSON, beyond a limit of
     *                             {@link org.learningsa.studio.core.InputLimits} or breaks the contract
     */
    public static PointsDocument read(Path file) {
        PointsFileReader.Fields fields = PointsFileReader.read(file);
        try {
            return parse(fields.topLevel(), fields.points(), folderOf(file));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("the points file " + file + " is not a valid points file: " + e.getMessage());
        }
    }

    /** Writes atomically; image paths become relative to the file's folder where they can. */
    public static void write(Path file, PointsDocument document) {
        ObjectNode json = toJson(document, folderOf(file));
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, json));
    }

    static ObjectNode toJson(PointsDocument document, Path folder) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", PointsDocument.VERSION);
        root.put("pixel_convention", PointsDocument.PIXEL_CONVENTION);
        root.set("source", image(document.source(), folder));
        root.set("target", image(document.target(), folder));
        ArrayNode points = root.putArray("points");
        for (UserPoint point : document.points()) {
            ObjectNode p = points.addObject();
            p.put("id", point.id());
            p.put("label", point.label());
            p.putArray("source").add(round(point.source().x())).add(round(point.source().y()));
            p.putArray("target").add(round(point.target().x())).add(round(point.target().y()));
            p.put("origin", point.origin().fileName());
            p.put("locked", point.locked());
            if (point.hasConfidence()) {
                p.put("confidence", Math.round(point.confidence() * 1e6) / 1e6);
            }
        }
        return root;
    }

    /** @param points the "points" array's elements, or null when the file has no array there */
    static PointsDocument parse(Map<String, JsonNode> root, List<JsonNode> points, Path folder) {
        JsonNode version = root.get("version");
        if (!isInt(version) || version.intValue() != PointsDocument.VERSION) {
            throw new IllegalArgumentException("\"version\" must be " + PointsDocument.VERSION + " (an integer), found "
                    + (version == null ? "nothing" : EchoedText.name(version.toString())));
        }
        PointsDocument.ImageEntry source = image(root.get("source"), "source", folder);
        PointsDocument.ImageEntry target = image(root.get("target"), "target", folder);
        if (points == null) {
            throw new IllegalArgumentException("\"points\" must be an array");
        }
        List<UserPoint> parsed = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            parsed.add(point(points.get(i), i, source, target));
        }
        return new PointsDocument(source, target, parsed);
    }

    /** An integer in int range written as one (1.9, 512.9 and 1e3 are not). */
    private static boolean isInt(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt();
    }

    private static UserPoint point(JsonNode node, int index, PointsDocument.ImageEntry source,
                                   PointsDocument.ImageEntry target) {
        String where = "points[" + index + "]";
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        String id = text(node, "id", where);
        if (id.length() > InputLimits.POINTS_MAX_ID_CHARS) {
            throw new IllegalArgumentException(where + ".id has " + id.length() + " characters; at most "
                    + InputLimits.POINTS_MAX_ID_CHARS + " are allowed");
        }
        where = where + " (id " + EchoedText.name(id) + ")";
        JsonNode label = node.get("label");
        if (label != null && !label.isNull() && !label.isTextual()) {
            throw new IllegalArgumentException(where + ".label must be a string");
        }
        if (label != null && label.isTextual() && label.textValue().length() > InputLimits.POINTS_MAX_LABEL_CHARS) {
            throw new IllegalArgumentException(where + ".label has " + label.textValue().length()
                    + " characters; at most " + InputLimits.POINTS_MAX_LABEL_CHARS + " are allowed");
        }
        PixelPoint s = xy(node.get("source"), where + ".source");
        PixelPoint t = xy(node.get("target"), where + ".target");
        if (!source.contains(s.x(), s.y())) {
            throw new IllegalArgumentException(where + ".source " + format(s) + " lies outside the "
                    + source.width() + "x" + source.height() + " source image");
        }
        if (!target.contains(t.x(), t.y())) {
            throw new IllegalArgumentException(where + ".target " + format(t) + " lies outside the "
                    + target.width() + "x" + target.height() + " target image");
        }
        Origin origin = node.has("origin") ? Origin.parse(text(node, "origin", where)) : Origin.USER;
        JsonNode locked = node.get("locked");
        if (locked != null && !locked.isBoolean()) {
            throw new IllegalArgumentException(where + ".locked must be true or false");
        }
        JsonNode confidence = node.get("confidence");
        if (confidence != null && !confidence.isNull() && !confidence.isNumber()) {
            throw new IllegalArgumentException(where + ".confidence must be a number");
        }
        return new UserPoint(id, label == null || label.isNull() ? "" : label.asText(), s, t, origin,
                locked != null && locked.booleanValue(),
                confidence == null || confidence.isNull() ? Double.NaN : confidence.asDouble());
    }

    private static PointsDocument.ImageEntry image(JsonNode node, String name, Path folder) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an object with path, width, height, sha256");
        }
        JsonNode width = node.get("width");
        JsonNode height = node.get("height");
        if (!isInt(width) || width.intValue() <= 0 || width.intValue() > InputLimits.IMAGE_MAX_SIDE
                || !isInt(height) || height.intValue() <= 0 || height.intValue() > InputLimits.IMAGE_MAX_SIDE) {
            throw new IllegalArgumentException("\"" + name + "\" needs an integer width and height from 1 to "
                    + InputLimits.IMAGE_MAX_SIDE + ", found " + EchoedText.name(width + " x " + height));
        }
        JsonNode path = node.get("path");
        if (path != null && !path.isNull() && !path.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\".path must be a string or null");
        }
        Path resolved = path == null || path.isNull() || path.asText().isEmpty() ? null
                : folder.resolve(path.asText()).normalize();
        JsonNode sha = node.get("sha256");
        return new PointsDocument.ImageEntry(resolved, width.asInt(), height.asInt(),
                sha == null || sha.isNull() ? "" : sha.asText());
    }

    private static ObjectNode image(PointsDocument.ImageEntry entry, Path folder) {
        ObjectNode node = MAPPER.createObjectNode();
        if (entry.path() == null) {
            node.putNull("path");
        } else {
            node.put("path", relativeWherePossible(entry.path(), folder));
        }
        node.put("width", entry.width());
        node.put("height", entry.height());
        node.put("sha256", entry.sha256());
        return node;
    }

    /** Relative to the folder when both are on one file system root; '/' as the separator on every system. */
    static String relativeWherePossible(Path image, Path folder) {
        Path absolute = image.toAbsolutePath().normalize();
        try {
            if (absolute.getRoot() != null && absolute.getRoot().equals(folder.getRoot())) {
                return folder.relativize(absolute).toString().replace('\\', '/');
            }
        } catch (IllegalArgumentException e) {
            // different roots (Windows drives): keep the absolute path
        }
        return absolute.toString();
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static PixelPoint xy(JsonNode node, String where) {
        if (node == null || !node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            throw new IllegalArgumentException(where + " must be [x, y] with two numbers");
        }
        double x = node.get(0).asDouble();
        double y = node.get(1).asDouble();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(where + " must be finite numbers");
        }
        return new PixelPoint(x, y);
    }

    private static double round(double value) {
        return Math.round(value * STEPS_PER_PIXEL) / STEPS_PER_PIXEL;
    }

    private static String format(PixelPoint p) {
        return "[" + p.x() + ", " + p.y() + "]";
    }
}
