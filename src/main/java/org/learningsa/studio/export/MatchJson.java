package org.learningsa.studio.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchService;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.AtomicFiles;

/**
 * The JSON form of a match result, in original pixel coordinates:
 * {@code {"model", "readout", "mapping", "pixel_convention", "source": {"path","width","height"},
 * "target": {...}, "matches": [{"source": [x,y], "target": [x,y], "confidence": c, "mutual": true}, ...]}}.
 */
public final class MatchJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MatchJson() {
    }

    public static ObjectNode toJson(MatchService.Result result) {
        Alignment alignment = result.alignment();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", alignment.modelName());
        root.put("readout", readoutName(result.readout()));
        root.put("mapping", result.mapping().name().toLowerCase(Locale.ROOT));
        root.put("pixel_convention", Alignment.PIXEL_CONVENTION);
        root.set("source", image(alignment.source()));
        root.set("target", image(alignment.target()));
        ArrayNode matches = root.putArray("matches");
        for (Match match : result.matches().matches()) {
            ObjectNode m = matches.addObject();
            m.putArray("source").add(round(match.source().x())).add(round(match.source().y()));
            m.putArray("target").add(round(match.target().x())).add(round(match.target().y()));
            m.put("confidence", Math.round(match.confidence() * 1e6) / 1e6);
            m.put("mutual", match.mutual());
        }
        return root;
    }

    /** Writes the JSON atomically. */
    public static void write(MatchService.Result result, Path file) {
        ObjectNode json = toJson(result);
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, json));
    }

    /** "fused", "1" … "4", as the CLI spells readouts. */
    public static String readoutName(Readout readout) {
        return readout == Readout.FUSED ? "fused" : Integer.toString(readout.level());
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

    /** Millipixel precision: more digits would only be noise. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
