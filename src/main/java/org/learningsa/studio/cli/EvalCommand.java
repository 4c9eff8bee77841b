package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.core.OutputGuard;
import org.learningsa.studio.core.Shard;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.Dataset;
import org.learningsa.studio.data.DatasetLocator;
import org.learningsa.studio.data.SkippedPair;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.eval.EvaluationModels;
import org.learningsa.studio.eval.EvaluationReport;
import org.learningsa.studio.eval.EvaluationRunner;
import org.learningsa.studio.eval.EvaluationSettings;
import org.learningsa.studio.eval.PairMatcher;
import org.learningsa.studio.eval.PartialEvaluation;
import org.learningsa.studio.eval.PartialReports;
import org.learningsa.studio.eval.ReportWriter;
import org.learningsa.studio.eval.ThresholdKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lsa eval}: PCK on a benchmark folder, computed and reported the way the paper computes it. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"PCK on PF-PASCAL, PF-WILLOW, SPair-71k or CroDom, exactly as LearningSA computes it: target "
                + "keypoints transferred to the source with grid_T2S, the per-pair fraction of correct points averaged "
                + "over pairs. The report states the convention in words.",
            "Without --checkpoint or --hashed-weights the weight-free default aligner is used (not the paper's model)."})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--benchmark", paramLabel = "NAME",
            description = "pf-pascal, pf-willow, spair or crodom")
    String benchmark;

    @Option(names = "--data", paramLabel = "DIR",
            description = "the dataset folder (LearningSA's data/ folder or the folder above it; SPair-71k's root)")
    Path data;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "the pair CSV to read instead of the usual one (PF-PASCAL, PF-WILLOW, CroDom); --data is then the image root")
    Path csv;

    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT",
            description = "test, val or trn (default: ${DEFAULT-VALUE}); PF-PASCAL picks its CSV, SPair its folder; PF-WILLOW and CroDom have one set")
    String split;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "a LearningSA checkpoint (.pt), e.g. weights/best_checkpoint_pascal.pt")
    Path checkpoint;

    @Option(names = "--hashed-weights", description = "deterministic test weights (the fixtures' formula) instead of a checkpoint")
    boolean hashedWeights;

    @Option(names = "--threshold", paramLabel = "KIND",
            description = "image-size (288 frame, L = 288) or bbox (original pixels; PF-PASCAL: CSV column 7, PF-WILLOW: "
                    + "target keypoint extent, SPair: target box). Default: image-size for pf-pascal, bbox otherwise (LearningSA)")
    String threshold;

    @Option(names = "--mapping", defaultValue = "paper", paramLabel = "KIND",
            description = "paper (LearningSA's keypoint transfer in image.py; reproduces published numbers) or exact (geometric inverse of the resize and pad). "
                    + "Default: ${DEFAULT-VALUE}")
    String mapping;

    @Option(names = "--alpha", split = ",", paramLabel = "ALPHA",
            description = "comma-separated α values (default: 0.01,0.03,0.05,0.10,0.15)")
    List<Double> alphas;

    @Option(names = "--allow-outside-data", description = "read images that the annotations name outside the dataset "
            + "folder (absolute paths, ../); by default such rows are skipped with the reason")
    boolean allowOutsideData;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "evaluate only the first N pairs (0 = all)")
    int limit;

    @Option(names = "--report", required = true, paramLabel = "OUT.json", description = "where to write the JSON report")
    Path report;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "evaluate only pairs I, I+N, I+2N… (0-based) and write a partial report; --merge puts the N "
                    + "partial reports together into the report one run gives (a crashed shard is simply run again)")
    String shard;

    @Option(names = "--merge", arity = "1..*", paramLabel = "PART.json",
            description = "merge the partial reports of every shard of one run into --report (nothing is evaluated; "
                    + "parts of different runs are refused, naming the field that differs)")
    List<Path> merge;

    @Option(names = "--csv-out", paramLabel = "FILE", description = "also write the per-pair table as CSV")
    Path csvOut;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "DEVICE", description = "cpu, gpu or auto (default: ${DEFAULT-VALUE})")
    String device;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (merge != null) {
            return merge(out);
        }
        if (benchmark == null || data == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required options: --benchmark and --data (or --merge PART.json …)");
        }
        Shard slice = shard == null ? null : Shard.parse(shard);
        if (checkpoint != null && hashedWeights) {
            throw new UserFacingException("--checkpoint and --hashed-weights exclude each other; choose one");
        }
        if (limit < 0) {
            throw new UserFacingException("--limit must be 0 (all) or a positive number, got " + limit);
        }
        Benchmark bench = Benchmark.parse(benchmark);
        EvaluationSettings settings = new EvaluationSettings(bench,
                threshold == null ? EvaluationSettings.defaultThreshold(bench) : ThresholdKind.parse(threshold),
                parseMapping(mapping), alphas == null || alphas.isEmpty() ? EvaluationSettings.PAPER_ALPHAS : alphas);
        DeviceChoice deviceChoice = DeviceChoice.parse(device);
        Dataset dataset = DatasetLocator.open(bench, data, csv, split, allowOutsideData);
        OutputGuard.create().input("the dataset's annotations", dataset.annotations()).input("the --csv file", csv)
                .input("the checkpoint", checkpoint).output("--report", report).output("--csv-out", csvOut).check();
        out.println("Dataset:   " + dataset.description());
        out.println("Pairs:     " + dataset.pairs().size() + (limit > 0 && limit < dataset.pairs().size() ? " (evaluating the first " + limit + ")" : "")
                + (dataset.skipped().isEmpty() ? "" : ", " + dataset.skipped().size() + " rows skipped"));
        for (SkippedPair skipped : dataset.skipped()) {
            err.println("lsa: skipped " + skipped);
        }
        out.flush();
        try (InterruptGrace interrupt = InterruptGrace.install(err,
                "stopping the pair in progress and writing the report of the pairs done so far to " + report)) {
            EvaluationReport result;
            PartialEvaluation part = null;
            try (PairMatcher matcher = EvaluationModels.open(checkpoint, hashedWeights, deviceChoice)) {
                out.println("Model:     " + matcher.modelName());
                out.println("Threshold: " + settings.thresholdInWords());
                out.flush();
                ProgressLine progress = new ProgressLine(err, "eval");
                EvaluationRunner runner = new EvaluationRunner(matcher, settings);
                if (slice == null) {
                    result = runner.run(dataset, limit, progress, interrupt.token(), r -> { }, true);
                } else {
                    part = runner.runShard(dataset, limit, slice, progress, interrupt.token());
                    result = part.report();
                }
            }
            if (result.results().isEmpty() && part == null) {
                throw new UserFacingException(interrupt.wasInterrupted() ? "interrupted before the first pair was evaluated; "
                        + "no report written" : "no pair of " + dataset.annotations() + " could be evaluated; first problem: "
                        + (result.skipped().isEmpty() ? "none recorded" : result.skipped().get(result.skipped().size() - 1)));
            }
            if (part != null) {
                PartialReports.write(part, report);
                out.println("Shard:     " + part.shard() + ": " + result.results().size() + " of " + part.pairsInRun()
                        + " pairs; merge every shard's report with lsa eval --merge PART.json … --report OUT.json");
            } else {
                ReportWriter.writeJson(result, report);
            }
            if (csvOut != null) {
                ReportWriter.writeCsv(result, csvOut);
            }
            if (!result.complete()) {
                err.println("lsa: interrupted after " + result.results().size() + " of " + Math.min(limit > 0 ? limit
                        : Integer.MAX_VALUE, dataset.pairs().size()) + " pairs; the report (\"complete\": false) covers those only");
                err.flush();
            }
            printSummary(out, result);
            out.println("Convention: " + settings.conventionInWords());
            out.println("Report:    " + report.toAbsolutePath() + (csvOut == null ? "" : " and " + csvOut.toAbsolutePath()));
            out.flush();
        }
        return 0;
    }

    /** {@code --merge}: the partial reports of one run into the report the unsharded run gives. */
    private int merge(PrintWriter out) {
        if (benchmark != null || data != null || csv != null || checkpoint != null || hashedWeights || threshold != null
                || alphas != null || shard != null || limit != 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--merge takes only the partial reports, "
                    + "--report and --csv-out: the run's settings come from the reports");
        }
        OutputGuard guard = OutputGuard.create();
        for (Path part : merge) {
            guard.input("the partial report " + part, part);
        }
        guard.output("--report", report).output("--csv-out", csvOut).check();
        List<PartialEvaluation> parts = merge.stream().map(PartialReports::read).toList();
        EvaluationReport result = PartialReports.merge(parts, merge);
        ReportWriter.writeJson(result, report);
        if (csvOut != null) {
            ReportWriter.writeCsv(result, csvOut);
        }
        out.println("Merged:    " + parts.size() + " shards, " + result.results().size() + " pairs evaluated, "
                + result.skipped().size() + " skipped");
        out.println("Model:     " + result.modelName());
        printSummary(out, result);
        out.println("Report:    " + report.toAbsolutePath() + (csvOut == null ? "" : " and " + csvOut.toAbsolutePath()));
        out.flush();
        return 0;
    }

    private static Mapping parseMapping(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "paper" -> Mapping.PAPER;
            case "exact" -> Mapping.EXACT;
            default -> throw new UserFacingException("unknown mapping '" + text + "' (expected paper or exact)");
        };
    }

    private static void printSummary(PrintWriter out, EvaluationReport report) {
        List<Double> alphas = report.settings().alphas();
        String title = "PCK (%, mean over pairs)";
        List<String> names = new ArrayList<>();
        List<EvaluationReport.GroupPck> groups = new ArrayList<>();
        report.perCategory().forEach((name, group) -> {
            names.add("  " + name);
            groups.add(group);
        });
        report.perDomain().forEach((name, group) -> {
            names.add("  domain " + name);
            groups.add(group);
        });
        // the name column is as wide as its longest entry ("  domain cross-instance" is 23 characters)
        int nameWidth = Math.max(title.length(), names.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s %6s", title, "pairs"));
        for (double alpha : alphas) {
            header.append(String.format(Locale.ROOT, " %7s", "@" + EvaluationSettings.alphaKey(alpha)));
        }
        out.println(header);
        out.println(row("all", nameWidth, report.results().size(), report.pck()));
        for (int i = 0; i < names.size(); i++) {
            out.println(row(names.get(i), nameWidth, groups.get(i).count(), groups.get(i).pck()));
        }
        List<String> notes = new ArrayList<>();
        if (!report.skipped().isEmpty()) {
            notes.add(report.skipped().size() + " skipped (listed in the report)");
        }
        if (report.images().counted()) {
            notes.add(report.images().encoded() + " encodings for " + report.images().distinct() + " distinct images");
        }
        notes.add(String.format(Locale.ROOT, "%.1f s", report.seconds()));
        out.println("(" + String.join(", ", notes) + ")");
    }

    private static String row(String name, int nameWidth, int count, double[] pck) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s %6d", name, count));
        for (double value : pck) {
            row.append(String.format(Locale.ROOT, " %7.1f", 100 * value));
        }
        return row.toString();
    }
}
