package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.batch.BatchFolder;
import org.learningsa.studio.batch.BatchRow;
import org.learningsa.studio.batch.BatchRunner;
import org.learningsa.studio.batch.BatchSettings;
import org.learningsa.studio.batch.BatchSummary;
import org.learningsa.studio.batch.PairsCsv;
import org.learningsa.studio.batch.RowOutcome;
import org.learningsa.studio.core.Shard;
import org.learningsa.studio.batch.SourceKeypoints;
import org.learningsa.studio.core.OutputGuard;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.export.figure.FigureFormat;
import org.learningsa.studio.export.figure.MatchFigureOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lsa batch}: every pair of a CSV, one output folder per row, resumable and split into shards. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Match every pair of a CSV with one model (loaded once): DIR/<name>/matches.json (the schema of "
                + "lsa match --json) and the files asked for, per row. A row's folder appears whole or not at all, so a "
                + "run started again (after Ctrl-C, a crash, kill -9, a pre-empted cluster job) skips the rows done. "
                + "DIR/index.csv (row, name, status, mean confidence, seconds) is rebuilt from the folders at the end.",
            "Exit code: 0 when every row of the shard is done, 3 when some failed (each reported with its row number "
                + "and listed in index.csv), 2 for bad input, 130 when interrupted."})
public final class BatchCommand implements Callable<Integer> {

    /** Some rows failed; the others are done. */
    static final int EXIT_ROWS_FAILED = 3;
    static final int EXIT_INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Option(names = "--pairs", required = true, paramLabel = "PAIRS.csv",
            description = "a header with source,target and optionally name (the row's folder; default: the row number, "
                    + "zero-padded), one pair per line; image paths relative to the CSV's folder or absolute")
    Path pairs;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "the output folder (created when missing); shards of one run share it")
    Path out;

    @Mixin
    AlignerOptions alignerOptions;

    @Option(names = "--readout", defaultValue = "fused", paramLabel = "fused|1|2|3|4",
            converter = MatchCommand.ReadoutConverter.class,
            description = "the fused multi-scale readout or one backbone level (default: ${DEFAULT-VALUE})")
    Readout readout;

    @Option(names = "--mapping", defaultValue = "exact", paramLabel = "paper|exact",
            converter = MatchCommand.MappingConverter.class,
            description = "as lsa match --mapping (default: ${DEFAULT-VALUE})")
    Mapping mapping;

    @Option(names = "--confidence", defaultValue = "peak", paramLabel = "peak|fb|level",
            converter = MatchCommand.ConfidenceConverter.class,
            description = "the confidence in matches.json, the index's mean and the keypoints (default: ${DEFAULT-VALUE})")
    ConfidenceKind confidence;

    @Option(names = "--top", defaultValue = "0", paramLabel = "N",
            description = "keep only the N most confident matches per row (default: all)")
    int top;

    @Option(names = "--figure", paramLabel = "png|svg|pdf",
            description = "also write DIR/<name>/figure.png|svg|pdf, as lsa match --figure draws it")
    String figure;

    @Option(names = "--warped", description = "also write DIR/<name>/warped.png: the target resampled into the source's "
            + "frame through the correspondence (the source's size), as lsa match --warped")
    boolean warped;

    @Option(names = "--flow", description = "also write DIR/<name>/flow.npy: the dense source-to-target flow, float32 "
            + "(H, W, 2) at the source's full resolution, flow[y, x] = (x_target - x, y_target - y), as lsa match --flow")
    boolean flow;

    @Option(names = "--dense", defaultValue = "refined", paramLabel = "refined|grid",
            description = "what --flow and --warped read: the refined per-pixel map or the network's grid, as in "
                    + "lsa match (default: ${DEFAULT-VALUE})")
    String dense;

    @Option(names = "--keypoints", paramLabel = "KEYPOINTS.json",
            description = "named points on one source image (the editor's points file, or {\"image\": …, \"points\": "
                    + "[{\"name\", \"x\", \"y\"}]}): every row whose source is that image gets DIR/<name>/points.json "
                    + "(editor format, origin transferred, unlocked, with confidence), and DIR/keypoints.csv lists them all")
    Path keypoints;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "take rows I, I+N, I+2N… (0-based) only, so N processes (a SLURM array, a Kubernetes Indexed "
                    + "Job, a shell loop) share one output folder; together they give what one run gives")
    String shard;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top must not be negative: " + top);
        }
        DeviceChoice choice = alignerOptions.checkedDevice(spec);
        Shard slice = shard == null ? Shard.ALL : Shard.parse(shard);
        FigureFormat figureFormat = figureFormat();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserFacingException("--out " + out + " is a file; give a folder");
        }
        OutputGuard.create().input("the pairs CSV", pairs).input("the checkpoint", alignerOptions.checkpoint)
                .input("the keypoints file", keypoints).check();
        if (!Files.isRegularFile(pairs)) {
            throw new UserFacingException("the pairs file " + pairs + " does not exist");
        }
        List<BatchRow> rows = PairsCsv.read(pairs);
        if (rows.isEmpty()) {
            throw new UserFacingException(pairs + " holds a header but no pairs");
        }
        SourceKeypoints sourceKeypoints = keypoints == null ? null : SourceKeypoints.read(keypoints);
        BatchSettings settings = new BatchSettings(readout, mapping, confidence, top, figureFormat,
                MatchFigureOptions.defaults(), warped, flow, refineDense(), sourceKeypoints);
        if (sourceKeypoints != null && rows.stream().noneMatch(settings::carriesKeypoints)) {
            err.println("note: no row of " + pairs + " has " + sourceKeypoints.image()
                    + " as its source; no keypoints are transferred");
        }
        BatchFolder folder = new BatchFolder(out);
        BatchSummary summary;
        try (ModelRegistry registry = AlignerOptions.registry(choice);
             InterruptGrace interrupt = InterruptGrace.install(err,
                     "dropping the row in progress and rebuilding the index")) {
            Aligner aligner = alignerOptions.aligner(registry);
            stdout.println("Model:  " + aligner.name());
            stdout.println("Rows:   " + rows.size() + " in " + pairs + (slice.whole() ? ""
                    : ", shard " + slice + " takes " + rows.stream().filter(r -> slice.takes(r.position())).count()));
            stdout.flush();
            ProgressLine progress = new ProgressLine(err, "batch");
            summary = new BatchRunner(aligner, settings, folder).run(rows, slice, progress, interrupt.token(),
                    outcome -> report(outcome, err));
        }
        printSummary(stdout, summary, folder);
        if (!summary.complete()) {
            return EXIT_INTERRUPTED;
        }
        return summary.failed().isEmpty() ? 0 : EXIT_ROWS_FAILED;
    }

    private boolean refineDense() {
        return switch (dense.trim().toLowerCase(Locale.ROOT)) {
            case "refined" -> true;
            case "grid" -> false;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--dense must be refined or grid, got '" + dense + "'");
        };
    }

    private FigureFormat figureFormat() {
        if (figure == null) {
            return null;
        }
        try {
            return FigureFormat.of(Path.of("figure." + figure.trim().toLowerCase(Locale.ROOT)));
        } catch (UserFacingException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--figure takes png, svg or pdf, got '" + figure + "'");
        }
    }

    private static void report(RowOutcome outcome, PrintWriter err) {
        if (outcome.status() == RowOutcome.Status.FAILED) {
            ProgressLine.endOpenLine();
            err.println("lsa: row " + outcome.row().number() + " (" + outcome.row().name() + ", line "
                    + outcome.row().line() + ") failed: " + outcome.message());
            err.flush();
        }
    }

    private static void printSummary(PrintWriter out, BatchSummary summary, BatchFolder folder) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "Done:   %d rows now, %d already done, %d failed", summary.done(), summary.alreadyDone(),
                summary.failed().size()));
        if (!summary.failed().isEmpty()) {
            line.append(" (row ").append(summary.failed().stream().map(o -> Integer.toString(o.row().number()))
                    .collect(Collectors.joining(", "))).append(')');
        }
        if (summary.notReached() > 0) {
            line.append(", ").append(summary.notReached()).append(" not reached (interrupted; run again to finish)");
        }
        line.append(String.format(Locale.ROOT, " in %s", ProgressLine.duration(summary.seconds())));
        if (summary.done() > 0) {
            line.append(String.format(Locale.ROOT, " (%.2f s a row)", summary.seconds() / summary.done()));
        }
        out.println(line);
        out.println("Index:  " + folder.index());
        out.flush();
    }
}
