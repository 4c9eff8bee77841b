package org.learningsa.studio.batch;

import org.learningsa.studio.core.Shard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.dense.DenseFlow;
import org.learningsa.studio.align.dense.DenseRefiner;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchService;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.CancelledException;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.editing.PointsFile;
import org.learningsa.studio.export.FlowFiles;
import org.learningsa.studio.export.MatchJson;
import org.learningsa.studio.export.StyleImages;
import org.learningsa.studio.export.figure.MatchFigureExport;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rows of one shard with one aligner (the model is loaded once per process): rows already finished
 * are skipped, the others are aligned and their files written through {@link BatchFolder}, a row that fails is
 * recorded with its reason and the run goes on. Rows that share a source run one after the other, so the
 * aligner's per-image cache describes (or encodes) that source once and its decoded pixels are kept. The index
 * is rebuilt at the end, also after an interruption.
 */
public final class BatchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final Aligner aligner;
    private final BatchSettings settings;
    private final BatchFolder folder;

    public BatchRunner(Aligner aligner, BatchSettings settings, BatchFolder folder) {
        this.aligner = aligner;
        this.settings = settings;
        this.folder = folder;
    }

    /**
     * @param rows   every row of the CSV (the index lists them all; the shard picks its own)
     * @param onRow  told of each row of the shard as it is settled, from the calling thread
     */
    public BatchSummary run(List<BatchRow> rows, Shard shard, ProgressListener progress, CancelToken cancel,
                            Consumer<RowOutcome> onRow) {
        long start = System.nanoTime();
        folder.create();
        List<BatchRow> mine = rows.stream().filter(row -> shard.takes(row.position())).toList();
        List<RowOutcome> failed = new ArrayList<>();
        int alreadyDone = 0;
        List<BatchRow> todo = new ArrayList<>();
        for (BatchRow row : mine) {
            if (!row.usable()) {
                failed.add(fail(row, row.problem(), onRow));
            } else if (folder.isDone(row.name(), settings.files(row))) {
                alreadyDone++;
                onRow.accept(new RowOutcome(row, RowOutcome.Status.ALREADY_DONE, RowRecord.read(folder.rowFolder(row.name())),
                        null));
            } else {
                todo.add(row);
            }
        }
        List<BatchRow> order = groupedBySource(todo);
        int done = 0;
        boolean complete = true;
        DecodedImage lastSource = null;
        for (int i = 0; i < order.size(); i++) {
            BatchRow row = order.get(i);
            if (cancel.isCancelled()) {
                complete = false;
                break;
            }
            String stage = "row " + row.number() + " (" + row.name() + "), " + (i + 1) + " of " + order.size();
            int index = i;
            ProgressListener rowProgress = (inner, fraction) -> progress.progress(stage + ": " + inner,
                    (index + Math.max(0, Math.min(0.999, fraction))) / order.size());
            rowProgress.progress("starting", 0);
            try {
                long rowStart = System.nanoTime();
                DecodedImage source = lastSource != null && lastSource.path().equals(row.source()) ? lastSource
                        : decode(row.source(), "source");
                lastSource = source;
                DecodedImage target = decode(row.target(), "target");
                RowRecord record = runRow(row, source, target, rowProgress, cancel, rowStart);
                done++;
                onRow.accept(new RowOutcome(row, RowOutcome.Status.DONE, record, null));
            } catch (CancelledException e) {
                folder.abandonRow(row.name());
                complete = false;
                break;
            } catch (UserFacingException | IllegalArgumentException e) {
                failed.add(fail(row, e.getMessage(), onRow));
            } catch (RuntimeException e) {
                // a bug, not bad input: logged whole, but one row of thousands does not end the run
                LOG.error("row {} ({}) failed", row.number(), row.name(), e);
                failed.add(fail(row, "internal error: " + e, onRow));
            }
        }
        progress.progress("done", 1.0);
        BatchIndex.rebuild(folder, rows);
        failed.sort(java.util.Comparator.comparingInt(o -> o.row().number()));
        return new BatchSummary(rows.size(), mine.size(), done, alreadyDone, failed, complete,
                (System.nanoTime() - start) / 1e9);
    }

    private RowRecord runRow(BatchRow row, DecodedImage source, DecodedImage target, ProgressListener progress,
                             CancelToken cancel, long rowStart) {
        Path partial = folder.startRow(row.name());
        try {
            MatchService.Result result = MatchService.select(aligner.align(source, target, progress, cancel),
                    settings.readout(), settings.mapping(), settings.confidence(), settings.top());
            cancel.throwIfCancelled();
            progress.progress("writing", 0.95);
            MatchJson.write(result, partial.resolve(BatchSettings.MATCHES));
            if (settings.figureFormat() != null) {
                MatchFigureExport.write(result, source, target, settings.top(), settings.figureOptions(),
                        partial.resolve(BatchSettings.FIGURE + "." + settings.figureFormat().extension()));
            }
            if (settings.warped() || settings.flow()) {
                writeDense(result, source, target, partial, progress, cancel);
            }
            if (settings.carriesKeypoints(row)) {
                PointsFile.write(partial.resolve(BatchSettings.POINTS), KeypointTransfer.transfer(settings.keypoints(),
                        result.alignment(), settings.readout(), settings.mapping(), settings.confidence()));
            }
            List<String> files = settings.files(row);
            RowRecord record = new RowRecord(row.number(), row.name(), row.source(), row.target(),
                    result.alignment().modelName(), MatchJson.kindName(settings.confidence()), result.matches().size(),
                    meanConfidence(result), (System.nanoTime() - rowStart) / 1e9, files.subList(0, files.size() - 1));
            record.write(partial);
            cancel.throwIfCancelled();
            folder.commitRow(row.name());
            return record;
        } catch (RuntimeException e) {
            folder.abandonRow(row.name());
            throw e;
        }
    }

    /** flow.npy and warped.png from the dense map, read the way lsa match --flow/--warped read it. */
    private void writeDense(MatchService.Result result, DecodedImage source, DecodedImage target, Path partial,
                            ProgressListener progress, CancelToken cancel) {
        Correspondence network = new NetworkCorrespondence(result.alignment(), result.readout());
        Correspondence dense = settings.refineDense()
                ? DenseRefiner.refine(network, source.pixels(), target.pixels(), progress, cancel) : network;
        if (settings.flow()) {
            FlowFiles.writeFlow(DenseFlow.of(dense, Direction.SOURCE_TO_TARGET), partial.resolve(BatchSettings.FLOW));
        }
        if (settings.warped()) {
            StyleImages.writePng(WarpedImage.warp(dense, target.pixels()), partial.resolve(BatchSettings.WARPED));
        }
    }

    private RowOutcome fail(BatchRow row, String reason, Consumer<RowOutcome> onRow) {
        LOG.debug("row {} ({}) failed: {}", row.number(), row.name(), reason);
        folder.recordFailure(row.name(), reason);
        RowOutcome outcome = new RowOutcome(row, RowOutcome.Status.FAILED, null, reason);
        onRow.accept(outcome);
        return outcome;
    }

    private static DecodedImage decode(Path image, String role) {
        if (!Files.isRegularFile(image)) {
            throw new UserFacingException("the " + role + " image " + image + " does not exist");
        }
        return ImageDecoder.decodeForNetwork(image);
    }

    private static double meanConfidence(MatchService.Result result) {
        return result.matches().matches().stream().mapToDouble(Match::confidence).average().orElse(Double.NaN);
    }

    /** Rows in CSV order, except that rows sharing a source follow its first row (its features are reused). */
    static List<BatchRow> groupedBySource(List<BatchRow> rows) {
        Map<Path, List<BatchRow>> bySource = new LinkedHashMap<>();
        for (BatchRow row : rows) {
            bySource.computeIfAbsent(row.source(), s -> new ArrayList<>()).add(row);
        }
        return bySource.values().stream().flatMap(List::stream).toList();
    }
}
