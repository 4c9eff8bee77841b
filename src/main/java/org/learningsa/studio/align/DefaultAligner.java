package org.learningsa.studio.align;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.align.GradientDescriptors.Description;
import org.learningsa.studio.align.GradientDescriptors.LevelDescriptors;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
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
 *
 * <p>Only image content is described and matched ({@link ContentMask}): the 16-pixel padding ring of the
 * canvas and constant fills along the border (the black wedges of a rotated or shifted photo) add no edges,
 * and no match is placed on them, so matches do not pile up along the border. Descriptions of the last few
 * images are kept, so aligning one image with several others describes it once.
 */
public final class DefaultAligner implements Aligner {

    /** Shown everywhere the model is named; says that it is not semantic. */
    public static final String NAME = "Default aligner (hand-crafted descriptors, not semantic)";

    /** g_f: the four descriptor levels count alike before the per-cell CAM weighting. */
    private static final float[] LEVEL_GAINS = {1f, 1f, 1f, 1f};

    /** Descriptions kept, most recently used last; about 9 MB each, so swapping one image re-uses the other. */
    static final int DESCRIPTION_CACHE_SIZE = 4;

    private final Device device;
    private final Map<ImageCacheKey, Description> descriptionCache =
            new LinkedHashMap<>(16, 0.75f, true);

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
        Description describedSource = described(source, "the source image");
        cancel.throwIfCancelled();
        progress.progress("describing the target", 0.35);
        Description describedTarget = described(target, "the target image");
        cancel.throwIfCancelled();
        progress.progress("matching", 0.7);
        Description[] centred = centre(describedSource, describedTarget);
        Description sourceDescription = centred[0];
        Description targetDescription = centred[1];
        List<LevelDescriptors> sourceLevels = sourceDescription.levels();
        List<LevelDescriptors> targetLevels = targetDescription.levels();
        NetworkOutputs outputs = new MultiScaleMatcher(device).matchArrays(
                sourceLevels.stream().map(LevelDescriptors::cells).toList(),
                targetLevels.stream().map(LevelDescriptors::cells).toList(), LEVEL_GAINS);
        cancel.throwIfCancelled();
        progress.progress("refining", 0.85);
        Map<String, float[]> refined = refine(outputs, sourceDescription, targetDescription);
        progress.progress("done", 1.0);
        return Alignment.fromOutputs(Aligner.refOf(source), Aligner.refOf(target), NAME, false,
                name -> refined.containsKey(name) ? refined.get(name) : outputs.get(name));
    }

    /**
     * The image's description, from the cache when the same file (or the same pixels in memory) was described.
     *
     * @throws UserFacingException when the image is one flat colour (all of it a fill): nothing to match
     */
    private Description described(DecodedImage image, String role) {
        ImageCacheKey key = ImageCacheKey.of(image);
        synchronized (descriptionCache) {
            Description cached = descriptionCache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Description description;
        try (NDManager manager = NDManager.newBaseManager(device)) {
            description = GradientDescriptors.describe(image.pixels(), manager);
        }
        if (!description.hasContent()) {
            throw new UserFacingException((image.path() != null ? image.path().toString() : role)
                    + ": the image is one flat colour, there is nothing to match");
        }
        synchronized (descriptionCache) {
            descriptionCache.put(key, description);
            Iterator<ImageCacheKey> eldest = descriptionCache.keySet().iterator();
            while (descriptionCache.size() > DESCRIPTION_CACHE_SIZE && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
        return description;
    }

    private static Map<String, float[]> refine(NetworkOutputs outputs, Description source, Description target) {
        SubCellRefinement sourceToTarget = new SubCellRefinement(source, target);
        SubCellRefinement targetToSource = new SubCellRefinement(target, source);
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
     * make every cell look alike. The mean is taken over sample points on content. Then each sample point
     * is scaled by its content support, so a point in the padding ring or on a fill (which shows nothing
     * of the scene) neither matches nor contradicts anything, and the descriptors of cells off content are
     * zero: no match is drawn into the padding ring or onto a fill. The dense lattice gets the same. The
     * given descriptions are left as they are (they may be cached).
     *
     * @return the centred {source, target}
     */
    static Description[] centre(Description source, Description target) {
        int cells = Alignment.CELL_COUNT;
        int points = GradientDescriptors.POINTS;
        int histogramChannels = points * GradientDescriptors.ORIENTATIONS;
        List<List<LevelDescriptors>> centred = List.of(new ArrayList<>(), new ArrayList<>());
        List<Description> images = List.of(source, target);
        for (int level = 0; level < source.levels().size(); level++) {
            LevelDescriptors s = source.levels().get(level);
            LevelDescriptors t = target.levels().get(level);
            int channels = s.channels();
            float[] mean = new float[channels];
            for (int c = 0; c < channels; c++) {
                int point = c < histogramChannels ? c / GradientDescriptors.ORIENTATIONS : 0;
                double sum = 0;
                double weight = 0;
                for (LevelDescriptors d : List.of(s, t)) {
                    for (int i = 0; i < cells; i++) {
                        double support = d.cellSupport()[i * points + point];
                        sum += support * d.cells()[c * cells + i];
                        weight += support;
                    }
                }
                mean[c] = weight > 0 ? (float) (sum / weight) : 0f;
            }
            for (int image = 0; image < 2; image++) {
                Description description = images.get(image);
                LevelDescriptors d = description.levels().get(level);
                float[] cellValues = new float[d.cells().length];
                for (int c = 0; c < channels; c++) {
                    int point = c < histogramChannels ? c / GradientDescriptors.ORIENTATIONS : 0;
                    for (int i = 0; i < cells; i++) {
                        float support = description.cellOnContent()[i] ? d.cellSupport()[i * points + point] : 0f;
                        cellValues[c * cells + i] = (d.cells()[c * cells + i] - mean[c]) * support;
                    }
                }
                float[] latticeValues = new float[d.lattice().length];
                int positions = latticeValues.length / channels;
                for (int k = 0; k < positions; k++) {
                    for (int c = 0; c < channels; c++) {
                        int point = c < histogramChannels ? c / GradientDescriptors.ORIENTATIONS : 0;
                        int index = k * channels + c;
                        latticeValues[index] = (d.lattice()[index] - mean[c]) * d.latticeSupport()[k * points + point];
                    }
                }
                centred.get(image).add(new LevelDescriptors(channels, cellValues, latticeValues, d.cellSupport(),
                        d.latticeSupport()));
            }
        }
        return new Description[] {
            new Description(centred.get(0), source.cellOnContent(), source.latticeOnContent()),
            new Description(centred.get(1), target.cellOnContent(), target.latticeOnContent())};
    }
}
