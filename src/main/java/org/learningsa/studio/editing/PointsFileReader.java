package org.learningsa.studio.editing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;

/**
 * Reads a points file as a stream with every bound of {@link InputLimits} ({@code POINTS_*}) in force, so
 * a hostile or broken file (3 GB, 100,000 levels of nesting, a 1,000-digit number, a 25 M-character label,
 * a million points) ends in one line naming the file and the limit before it costs memory or time. It also
 * refuses what a lenient JSON reader lets through: trailing text, a second document, a key given twice.
 * The top-level object is read field by field and the points one by one, so their count is checked while
 * reading, not after building a tree of the whole file.
 */
final class PointsFileReader {

    private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(InputLimits.POINTS_MAX_FILE_BYTES)
                    .maxNestingDepth(InputLimits.POINTS_MAX_NESTING)
                    .maxNumberLength(InputLimits.POINTS_MAX_NUMBER_CHARS)
                    .maxStringLength(InputLimits.POINTS_MAX_STRING_CHARS)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /** The top-level fields the format reads besides "points"; others are skipped as the stream passes them. */
    private static final java.util.Set<String> KNOWN_FIELDS = java.util.Set.of("version", "source", "target", "points");

    private PointsFileReader() {
    }

    /** The top-level fields, then the points in file order (at most {@link InputLimits#POINTS_MAX_POINTS}). */
    record Fields(Map<String, JsonNode> topLevel, List<JsonNode> points) {
    }

    /** @throws UserFacingException naming the file when it is missing, not a file, too big, not JSON or beyond a limit */
    static Fields read(Path file) {
        checkIsReadableFile(file);
        try (InputStream in = Files.newInputStream(file); JsonParser parser = STRICT.createParser(in)) {
            return fields(parser, file);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("the points file " + file + " does not exist");
        } catch (StreamConstraintsException e) {
            throw new UserFacingException("the points file " + file + " " + limitReached(e));
        } catch (JsonProcessingException e) {
            throw new UserFacingException("the points file " + file + " is not valid JSON: "
                    + e.getOriginalMessage() + where(e.getLocation()));
        } catch (IOException e) {
            throw new UserFacingException("cannot read the points file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkIsReadableFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserFacingException("the points file " + file + " is a folder, not a file");
        }
        if (!Files.exists(file)) {
            throw new UserFacingException("the points file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("the points file " + file + " is not a regular file (a device or a pipe?)");
        }
        try {
            long size = Files.size(file);
            if (size > InputLimits.POINTS_MAX_FILE_BYTES) {
                throw new UserFacingException(String.format(Locale.ROOT,
                        "the points file %s is %,d bytes; a points file may have at most %,d", file, size,
                        InputLimits.POINTS_MAX_FILE_BYTES));
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot read the points file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Fields fields(JsonParser parser, Path file) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.skipChildren(); // broken JSON is reported as such first
            throw new UserFacingException("the points file " + file + " is not a valid points file: "
                    + "expected a JSON object at the top");
        }
        Map<String, JsonNode> topLevel = new HashMap<>();
        List<JsonNode> points = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("points".equals(name) && value == JsonToken.START_ARRAY) {
                points = points(parser, file);
            } else if (KNOWN_FIELDS.contains(name)) {
                topLevel.put(name, parser.readValueAsTree());
            } else {
                parser.skipChildren(); // read past, never held: a script's extra fields cost no memory
            }
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new UserFacingException("the points file " + file + " has more after the end of its JSON object"
                    + where(parser.currentTokenLocation()) + "; a points file holds one object");
        }
        return new Fields(topLevel, points);
    }

    private static List<JsonNode> points(JsonParser parser, Path file) throws IOException {
        List<JsonNode> points = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (points.size() == InputLimits.POINTS_MAX_POINTS) {
                throw new UserFacingException(String.format(Locale.ROOT,
                        "the points file %s holds more than %,d points, the most one correction solves", file,
                        InputLimits.POINTS_MAX_POINTS));
            }
            points.add(parser.readValueAsTree());
        }
        return points;
    }

    /** Jackson's constraint messages name its own classes; say what the file broke in the user's terms. */
    private static String limitReached(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting depth")) {
            return "nests deeper than " + InputLimits.POINTS_MAX_NESTING + " levels (a points file needs 3)";
        }
        if (message.contains("number value length")) {
            return "has a number longer than " + InputLimits.POINTS_MAX_NUMBER_CHARS + " characters";
        }
        if (message.contains("string value length") || message.contains("name length")) {
            return String.format(Locale.ROOT, "has a text longer than %,d characters",
                    InputLimits.POINTS_MAX_STRING_CHARS);
        }
        if (message.contains("document length")) {
            return String.format(Locale.ROOT, "is longer than %,d bytes (it grew while being read)",
                    InputLimits.POINTS_MAX_FILE_BYTES);
        }
        return "is beyond a limit of points files: " + e.getOriginalMessage();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }
}
