package org.learningsa.studio.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.CancelledException;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.Shard;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Dataset;
import org.learningsa.studio.data.KeypointPair;
import org.learningsa.studio.data.SkippedPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a benchmark: aligns each pair, evaluates it and collects the report. A pair whose images
 * cannot be read, or that has nothing to evaluate, is skipped with its reason and the run goes on.
 * The matcher learns beforehand how many images are in use at once and, after each pair, which images
 * are done, so a network that keeps per-image features encodes every image once; the progress line and
 * the report say how many encodings that took.
 */
public final class EvaluationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationRunner.class);

    private final PairMatcher matcher;
    private final PckEvaluator evaluator;

    public EvaluationRunner(PairMatcher matcher, EvaluationSettings settings) {
        this.matcher = matcher;
        this.evaluator = new PckEvaluator(settings);
    }

    /**
     * @param limit   evaluate at most this many pairs (the first ones); 0 or less for all
     * @param onPair  called with each result as it is ready (from the calling thread), e.g. for a live view
     * @return the report; incomplete (complete = false) when cancelled part way and {@code keepPartial}
     * @throws CancelledException when cancelled and not {@code keepPartial}
     */
    public EvaluationReport run(Dataset dataset, int limit, ProgressListener progress, CancelToken cancel,
                                Consumer<PairResult> onPair, boolean keepPartial) {
        return runSelected(dataset, limit, Shard.ALL, progress, cancel, onPair, keepPartial).report();
    }

    /**
     * Evaluates only the pairs of one shard (positions {@code I, I+N, …} among the first {@code limit} pairs) and
     * keeps where each result belongs, so {@link PartialReports#merge} can put the shards together into the report
     * one run gives. Cancelling keeps the pairs done (the part is then marked incomplete).
     */
    public PartialEvaluation runShard(Dataset dataset, int limit, Shard shard, ProgressListener progress,
                                      CancelToken cancel) {
        return runSelected(dataset, limit, shard, progress, cancel, r -> { }, true);
    }

    private PartialEvaluation runSelected(Dataset dataset, int limit, Shard shard, ProgressListener progress,
                                          CancelToken cancel, Consumer<PairResult> onPair, boolean keepPartial) {
        long start = System.nanoTime();
        List<KeypointPair> inRun = limit > 0 && limit < dataset.pairs().size()
                ? dataset.pairs().subList(0, limit) : dataset.pairs();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < inRun.size(); i++) {
            if (shard.takes(i)) {
                positions.add(i);
            }
        }
        List<KeypointPair> pairs = shard.whole() ? inRun : positions.stream().map(inRun::get).toList();
        List<PairResult> results = new ArrayList<>();
        List<Integer> resultPositions = new ArrayList<>();
        List<SkippedPair> skipped = new ArrayList<>(dataset.skipped());
        List<Integer> skippedPositions = new ArrayList<>();
        boolean complete = true;
        int total = pairs.size();
        ImageUsePlan plan = ImageUsePlan.of(pairs);
        matcher.expectImagesInUse(plan.maxInUse());
        for (int i = 0; i < total; i++) {
            KeypointPair pair = pairs.get(i);
            try {
                cancel.throwIfCancelled();
                int index = i;
                String stage = "pair " + (i + 1) + "/" + total + " (" + pair.category() + ")" + encodings(plan);
                progress.progress(stage, (double) i / total);
                PairCorrespondence alignment = matcher.align(pair.sourceImage(), pair.targetImage(),
                        (inner, fraction) -> progress.progress(stage + ": " + inner,
                                (index + Math.max(0, Math.min(0.999, fraction))) / total), cancel);
                PairResult result = evaluator.evaluate(pair, alignment);
                results.add(result);
                resultPositions.add(positions.get(i));
                onPair.accept(result);
            } catch (CancelledException e) {
                if (!keepPartial) {
                    throw e;
                }
                complete = false;
                break;
            } catch (UserFacingException | IllegalArgumentException e) {
                LOG.warn("skipping {}: {}", pair.where(), e.getMessage());
                skipped.add(new SkippedPair(pair.where(), e.getMessage()));
                skippedPositions.add(positions.get(i));
            }
            plan.doneAfter(i).forEach(matcher::imageDone);
        }
        progress.progress("done" + encodings(plan), 1.0);
        double seconds = (System.nanoTime() - start) / 1e9;
        EvaluationReport.ImageEncodings images = matcher.imagesEncoded() < 0 ? EvaluationReport.ImageEncodings.NOT_COUNTED
                : new EvaluationReport.ImageEncodings(matcher.imagesEncoded(), plan.distinct());
        EvaluationReport report = new EvaluationReport(evaluator.settings(), matcher.modelName(), dataset.description(),
                dataset.pairs().size(), results, skipped, complete, seconds, images);
        return new PartialEvaluation(report, shard, inRun.size(), ImageUsePlan.of(inRun).distinct(),
                resultPositions, dataset.skipped().size(), skippedPositions);
    }

    private String encodings(ImageUsePlan plan) {
        int encoded = matcher.imagesEncoded();
        return encoded < 0 ? "" : ", " + encoded + " of " + plan.distinct() + " images encoded";
    }
}
