package org.learningsa.studio.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchService;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.AtomicFiles;

/**
 * The JSON form of a match result, in original pixel coordinates:
 * {@code {"model", "readout", "mapping", "pixel_convention", "confidence_kind", "confidence_description",
 * "source": {"path","width","height"}, "target": {...},
 * "matches": [{"source": [x,y], "target": [x,y], "confidence": c, "mutual": true}, ...]}}.
 * With all confidences each match also carries {@code "confidences": {"peak", "fb", "level"}} and
 * {@code "per_readout": [{"readout": "fused"|"1".."4", "target": [x,y], "peak", "fb", "level"}, ...]}:
 * what the app's inspector shows for that source point.
 */
public final class MatchJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MatchJson() {
    }

    public static ObjectNode toJson(MatchService.Result result) {
        return toJson(result, false);
    }

    /** @param allConfidences add the three confidence kinds and every readout's match to each match */
    public static ObjectNode toJson(MatchService.Result result, boolean allConfidences) {
        Alignment alignment = result.alignment();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", alignment.modelName());
        root.put("readout", readoutName(result.readout()));
        root.put("mapping", result.mapping().name().toLowerCase(Locale.ROOT));
        root.put("pixel_convention", Alignment.PIXEL_CONVENTION);
        root.put("confidence_kind", kindName(result.confidence()));
        root.put("confidence_description", result.confidence().label());
        root.set("source", image(alignment.source()));
        root.set("target", image(alignment.target()));
        ArrayNode matches = root.putArray("matches");
        for (Match match : result.matches().matches()) {
            ObjectNode m = matches.addObject();
            point(m.putArray("source"), match.source());
            point(m.putArray("target"), match.target());
            m.put("confidence", roundConfidence(match.confidence()));
            m.put("mutual", match.mutual());
            if (allConfidences) {
                addAllConfidences(m, result, match.source());
            }
        }
        return root;
    }

    private static void addAllConfidences(ObjectNode m, MatchService.Result result, PixelPoint source) {
        Alignment alignment = result.alignment();
        ObjectNode confidences = m.putObject("confidences");
        putConfidences(confidences, alignment, source, result.readout());
        ArrayNode perReadout = m.putArray("per_readout");
        for (Readout readout : Readout.values()) {
            ObjectNode row = perReadout.addObject();
            row.put("readout", readoutName(readout));
            point(row.putArray("target"),
                    alignment.map(Direction.SOURCE_TO_TARGET, source.x(), source.y(), readout, result.mapping()));
            putConfidences(row, alignment, source, readout);
        }
    }

    private static void putConfidences(ObjectNode node, Alignment alignment, PixelPoint source, Readout readout) {
        for (ConfidenceKind kind : ConfidenceKind.values()) {
            node.put(kindName(kind), roundConfidence(
                    alignment.confidence(Direction.SOURCE_TO_TARGET, source.x(), source.y(), readout, kind)));
        }
    }

    /** Writes the JSON atomically. */
    public static void write(MatchService.Result result, Path file) {
        write(result, false, file);
    }

    /** Writes the JSON atomically, with all confidences and readouts when asked. */
    public static void write(MatchService.Result result, boolean allConfidences, Path file) {
        ObjectNode json = toJson(result, allConfidences);
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, json));
    }

    /** "fused", "1" … "4", as the CLI spells readouts. */
    public static String readoutName(Readout readout) {
        return readout == Readout.FUSED ? "fused" : Integer.toString(readout.level());
    }

    /** "peak", "fb", "level", as the CLI's {@code --confidence} spells them. */
    public static String kindName(ConfidenceKind kind) {
        return switch (kind) {
            case PEAK_PROBABILITY -> "peak";
            case FORWARD_BACKWARD -> "fb";
            case LEVEL_WEIGHT -> "level";
        };
    }

    private static ObjectNode image(ImageRef ref) {
        ObjectNode node = MAPPER.createObjectNode();
        if (ref.path() == null) {
            node.putNull("path");
        } else {
            node.put("path", ref.path().toString());
        }
        node.put("width", ref.width());
        node.put("height", ref.height());
        return node;
    }

    private static void point(ArrayNode array, PixelPoint point) {
        array.add(round(point.x())).add(round(point.y()));
    }

    private static double roundConfidence(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    /** Millipixel precision: more digits would only be noise. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
