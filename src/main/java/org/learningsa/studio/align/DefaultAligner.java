package org.learningsa.studio.align;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.align.GradientDescriptors.LevelDescriptors;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.engine.MultiScaleMatcher;
import org.learningsa.studio.engine.NetworkOutputs;
import org.learningsa.studio.image.DecodedImage;

/**
 * The weight-free aligner, so the whole app works before any checkpoint is downloaded. It is
 * <b>not semantic</b>: hand-crafted gradient-orientation descriptors at four scales
 * ({@link GradientDescriptors}) go through the same multi-scale matcher as LearningSA (CAM level
 * weights, ReLU'd cosine correlation, fusion, L2 normalisation, Gaussian kernel, soft-argmax), so every
 * view (per-level readouts, confidences, heatmaps, morphing) has real data to show. The grids are then
 * refined below the cell size with the same descriptors ({@link SubCellRefinement}). It finds the same
 * scene or object again under moderate rotation, scaling and shifting, not a dog in a horse.
 */
public final class DefaultAligner implements Aligner {

    /** Shown everywhere the model is named; says that it is not semantic. */
    public static final String NAME = "Default aligner (hand-crafted descriptors, not semantic)";

    /** g_f: the four descriptor levels count alike before the per-cell CAM weighting. */
    private static final float[] LEVEL_GAINS = {1f, 1f, 1f, 1f};

    private final Device device;

    public DefaultAligner() {
        this(Device.cpu());
    }

    public DefaultAligner(Device device) {
        this.device = device;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean semantic() {
        return false;
    }

    @Override
    public Alignment align(DecodedImage source, DecodedImage target, ProgressListener progress, CancelToken cancel) {
        progress.progress("describing the source", 0.0);
        List<LevelDescriptors> sourceLevels;
        List<LevelDescriptors> targetLevels;
        try (NDManager manager = NDManager.newBaseManager(device)) {
            sourceLevels = GradientDescriptors.describe(source.pixels(), manager);
            cancel.throwIfCancelled();
            progress.progress("describing the target", 0.35);
            targetLevels = GradientDescriptors.describe(target.pixels(), manager);
        }
        cancel.throwIfCancelled();
        progress.progress("matching", 0.7);
        centre(sourceLevels, targetLevels);
        NetworkOutputs outputs = new MultiScaleMatcher(device).matchArrays(
                sourceLevels.stream().map(LevelDescriptors::cells).toList(),
                targetLevels.stream().map(LevelDescriptors::cells).toList(), LEVEL_GAINS);
        cancel.throwIfCancelled();
        progress.progress("refining", 0.85);
        Map<String, float[]> refined = refine(outputs, sourceLevels, targetLevels);
        progress.progress("done", 1.0);
        return Alignment.fromOutputs(Aligner.refOf(source), Aligner.refOf(target), NAME, false,
                name -> refined.containsKey(name) ? refined.get(name) : outputs.get(name));
    }

    private static Map<String, float[]> refine(NetworkOutputs outputs, List<LevelDescriptors> sourceLevels,
                                               List<LevelDescriptors> targetLevels) {
        SubCellRefinement sourceToTarget = new SubCellRefinement(sourceLevels, targetLevels);
        SubCellRefinement targetToSource = new SubCellRefinement(targetLevels, sourceLevels);
        float[] levelWeights = outputs.get("cams");
        Map<String, float[]> refined = new HashMap<>();
        for (Readout readout : Readout.values()) {
            int onlyLevel = readout == Readout.FUSED ? -1 : readout.level() - 1;
            String sfx = readout.suffix();
            refined.put("grid_S2T" + sfx,
                    sourceToTarget.refine(outputs.get("grid_S2T" + sfx), levelWeights, false, onlyLevel));
            refined.put("grid_T2S" + sfx,
                    targetToSource.refine(outputs.get("grid_T2S" + sfx), levelWeights, true, onlyLevel));
        }
        return refined;
    }

    /**
     * Subtracts from every level the mean cell descriptor over both images, so the cosine similarity
     * measures how a place differs from the common average; raw histograms are all positive and would
     * make every cell look alike. The dense lattice descriptors get the same shift.
     */
    static void centre(List<LevelDescriptors> sourceLevels, List<LevelDescriptors> targetLevels) {
        int cells = Alignment.CELL_COUNT;
        for (int level = 0; level < sourceLevels.size(); level++) {
            LevelDescriptors s = sourceLevels.get(level);
            LevelDescriptors t = targetLevels.get(level);
            int channels = s.channels();
            float[] mean = new float[channels];
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (int i = 0; i < cells; i++) {
                    sum += s.cells()[c * cells + i] + t.cells()[c * cells + i];
                }
                mean[c] = (float) (sum / (2 * cells));
            }
            for (LevelDescriptors d : List.of(s, t)) {
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < cells; i++) {
                        d.cells()[c * cells + i] -= mean[c];
                    }
                }
                for (int k = 0; k < d.lattice().length; k++) {
                    d.lattice()[k] -= mean[k % channels];
                }
            }
        }
    }
}
