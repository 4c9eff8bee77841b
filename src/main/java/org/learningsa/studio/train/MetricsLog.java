package org.learningsa.studio.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.UserFacingException;

/**
 * {@code RUN_DIR/metrics.jsonl}: one JSON object per line, a {@code "kind": "step"} line per optimiser step
 * and a {@code "kind": "validation"} line per validation. Each line is flushed when written, so a viewer
 * can follow a running job; {@link #read} ignores a last line that is still being written.
 */
public final class MetricsLog implements AutoCloseable {

    /** A line of the log. */
    public sealed interface Entry permits StepMetrics, ValidationMetrics {
    }

    public static final String FILE_NAME = "metrics.jsonl";
    static final String VAL_KEY = "pck_val_0.10";
    static final String TEST_KEY = "pck_test_0.05";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final BufferedWriter writer;

    private MetricsLog(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * Opens the log for appending. With {@code keepUpToStep} ≥ 0 (a resume) the lines after that step are
     * dropped first (steps a killed run logged after its last saved state, and their validations), so the
     * file always holds the run exactly once; with a negative value the file starts empty.
     */
    public static MetricsLog open(Path file, long keepUpToStep) {
        try {
            if (keepUpToStep < 0) {
                AtomicFiles.writeString(file, "");
            } else {
                truncateAfter(file, keepUpToStep);
            }
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new MetricsLog(file, out);
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public void write(StepMetrics m) {
        writeLine(toJson(m));
    }

    public void write(ValidationMetrics v) {
        writeLine(toJson(v));
    }

    static ObjectNode toJson(StepMetrics m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", "step");
        o.put("step", m.step());
        o.put("epoch", m.epoch());
        o.put("pair", m.pair());
        o.put("lr", m.learningRate());
        o.put("loss", m.loss());
        o.put("loss_fused", m.lossFused());
        o.put("loss_level1", m.lossLevel1());
        o.put("loss_level2", m.lossLevel2());
        o.put("loss_level3", m.lossLevel3());
        o.put("loss_level4", m.lossLevel4());
        o.put("time_ms", m.timeMs());
        o.put("zero_distance_points", m.zeroDistancePoints());
        return o;
    }

    static ObjectNode toJson(ValidationMetrics v) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", "validation");
        o.put("epoch", v.epoch());
        o.put(VAL_KEY, v.pckVal010());
        o.put(TEST_KEY, v.pckTest005());
        return o;
    }

    private void writeLine(ObjectNode node) {
        try {
            writer.write(MAPPER.writeValueAsString(node));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every complete entry of a metrics.jsonl, in file order. A last line without its newline (the writer
     * is in the middle of it) is ignored; a malformed line elsewhere, or an unknown kind, is skipped too, so a
     * viewer never fails on a log written by a newer version. A missing file reads as empty.
     */
    public static List<Entry> read(Path metricsJsonl) {
        if (!Files.exists(metricsJsonl)) {
            return List.of();
        }
        // bytes, not readString: a multi-byte character cut by a concurrent write must not fail the read
        String text = new String(readBytes(metricsJsonl), StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                break; // partially written last line
            }
            Entry entry = parse(text.substring(start, end));
            if (entry != null) {
                entries.add(entry);
            }
            start = end + 1;
        }
        return entries;
    }

    /** The step entries only. */
    public static List<StepMetrics> steps(List<Entry> entries) {
        return entries.stream().filter(StepMetrics.class::isInstance).map(StepMetrics.class::cast).toList();
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Entry parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        JsonNode o;
        try {
            o = MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
        if (o == null || !o.isObject()) {
            return null;
        }
        String kind = o.path("kind").asText("");
        if (kind.equals("step")) {
            return new StepMetrics(o.path("step").asLong(), o.path("epoch").asInt(), o.path("pair").asInt(),
                    o.path("lr").asDouble(), number(o, "loss"), number(o, "loss_fused"), number(o, "loss_level1"),
                    number(o, "loss_level2"), number(o, "loss_level3"), number(o, "loss_level4"),
                    o.path("time_ms").asDouble(), o.path("zero_distance_points").asInt(0));
        }
        if (kind.equals("validation")) {
            return new ValidationMetrics(o.path("epoch").asInt(), optional(o, VAL_KEY), optional(o, TEST_KEY));
        }
        return null;
    }

    /** Jackson writes NaN as a string "NaN" token only when asked; a diverged loss is kept as NaN. */
    private static double number(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        return v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText("NaN"));
    }

    private static Double optional(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() || !v.isNumber() ? null : v.asDouble();
    }

    private static void truncateAfter(Path file, long lastStep) throws IOException {
        if (!Files.exists(file)) {
            AtomicFiles.writeString(file, "");
            return;
        }
        List<String> kept = new ArrayList<>();
        int lastEpoch = -1;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Entry e = parse(line);
            if (e instanceof StepMetrics s && s.step() <= lastStep) {
                kept.add(line);
                lastEpoch = Math.max(lastEpoch, s.epoch());
            } else if (e instanceof ValidationMetrics v && v.epoch() <= lastEpoch) {
                kept.add(line);
            }
        }
        AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
