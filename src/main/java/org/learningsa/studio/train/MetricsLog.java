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
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.IoReasons;
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
        return open(file, keepUpToStep, note -> { });
    }

    /**
     * As {@link #open(Path, long)}; on a resume, {@code notes} hears what was kept and what could not be read
     * (lines that are not UTF-8, too long or not entries are left out, in bounded memory, never failing the resume).
     */
    public static MetricsLog open(Path file, long keepUpToStep, java.util.function.Consumer<String> notes) {
        try {
            if (keepUpToStep < 0) {
                AtomicFiles.writeString(file, "");
            } else {
                truncateAfter(file, keepUpToStep, notes);
            }
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new MetricsLog(file, out);
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + file + ": " + IoReasons.describe(e), e);
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
            throw new UserFacingException("cannot write " + file + ": " + IoReasons.describe(e), e);
        }
    }

    /**
     * Every complete entry of a metrics.jsonl, in file order. A last line without its newline (the writer
     * is in the middle of it) is ignored; a malformed line elsewhere, or an unknown kind, is skipped too, so a
     * viewer never fails on a log written by a newer version. A missing file reads as empty.
     */
    public static List<Entry> read(Path metricsJsonl) {
        List<Entry> entries = new ArrayList<>();
        try {
            // streamed with bounded lines: a damaged or huge file costs no more memory than its entries
            MetricsFileScan.scan(metricsJsonl, (line, entry) -> {
                entries.add(entry);
                return entries.size() < InputLimits.METRICS_MAX_ENTRIES;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The step entries only. */
    public static List<StepMetrics> steps(List<Entry> entries) {
        return entries.stream().filter(StepMetrics.class::isInstance).map(StepMetrics.class::cast).toList();
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

    /** Keeps the lines up to {@code lastStep}, streamed into the new file; says what it kept and left out. */
    private static void truncateAfter(Path file, long lastStep, java.util.function.Consumer<String> notes)
            throws IOException {
        if (!Files.exists(file)) {
            AtomicFiles.writeString(file, "");
            return;
        }
        long[] kept = {0, 0};
        MetricsFileScan.Counts[] counts = new MetricsFileScan.Counts[1];
        int[] lastEpoch = {-1};
        AtomicFiles.write(file, out -> {
            java.io.Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            counts[0] = MetricsFileScan.scan(file, (line, e) -> {
                boolean keep = e instanceof StepMetrics s && s.step() <= lastStep
                        || e instanceof ValidationMetrics v && v.epoch() <= lastEpoch[0];
                if (e instanceof StepMetrics s && s.step() <= lastStep) {
                    lastEpoch[0] = Math.max(lastEpoch[0], s.epoch());
                }
                if (keep) {
                    writer.write(line);
                    writer.write('\n');
                    kept[0]++;
                } else {
                    kept[1]++;
                }
                return true;
            });
            writer.flush();
        });
        String skipped = counts[0].skipped();
        if (!skipped.isEmpty() || kept[1] > 0) {
            notes.accept(String.format(java.util.Locale.ROOT, "%s: kept %,d entries up to step %d%s%s", file, kept[0],
                    lastStep, kept[1] > 0 ? String.format(java.util.Locale.ROOT,
                            "; dropped %,d logged after the last save", kept[1]) : "",
                    skipped.isEmpty() ? "" : "; left out unreadable lines: " + skipped));
        }
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
