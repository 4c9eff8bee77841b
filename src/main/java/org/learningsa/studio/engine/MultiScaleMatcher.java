package org.learningsa.studio.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.image.PaperGeometry;

/**
 * Everything of LearningSA after the enhancement transformers (spec §1.4–1.10): target-side CAM level
 * weights scaled by {@code g_f}, ReLU'd cosine correlation per level, multi-scale fusion in T2S layout,
 * L2 normalisation with eps inside the sqrt, the Gaussian kernel around the argmax (σ = 5 cells, first
 * index on ties), soft-argmax with β = 100, grids, flows, smoothness and warped flows, for the fused
 * readout and for each level.
 *
 * <p>Works with any per-level features of shape {@code C_k×20×20} (any C_k, any number of levels), so the
 * weight-free default aligner can feed hand-crafted descriptors. The NDArray part up to the grids is
 * differentiable (the argmax centre is a constant index, as in the reference); smoothness and warped flows
 * are computed in plain Java on the 20×20 grids, as nothing trains through them.
 *
 * <p>Volumes are handled as 400×400 matrices {@code [k, cell]}: S2T = {@code [t, s]}, T2S = {@code [s, t]}.
 */
public final class MultiScaleMatcher {

    private static final int N = PaperGeometry.CELLS;
    private static final int CELLS = PaperGeometry.CELL_COUNT;

    private final Device device;

    /** A matcher whose float[] entry points compute on {@code device}. */
    public MultiScaleMatcher(Device device) {
        this.device = device;
    }

    /** A matcher computing on the CPU. */
    public MultiScaleMatcher() {
        this(Device.cpu());
    }

    /**
     * Matches per-level features given as plain arrays.
     *
     * @param sourceLevels per level, C_k×20×20 floats (channel-major) of the source image
     * @param targetLevels the same for the target image (same C_k per level)
     * @param levelGains   {@code g_f}, one gain per level (the trained 4-vector for LearningSA)
     */
    public NetworkOutputs matchArrays(List<float[]> sourceLevels, List<float[]> targetLevels, float[] levelGains) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            List<NDArray> src = new ArrayList<>();
            List<NDArray> tgt = new ArrayList<>();
            for (int i = 0; i < sourceLevels.size(); i++) {
                src.add(levelArray(manager, sourceLevels.get(i)));
                tgt.add(levelArray(manager, targetLevels.get(i)));
            }
            return match(src, tgt, manager.create(levelGains));
        }
    }

    private static NDArray levelArray(NDManager manager, float[] values) {
        if (values.length % CELLS != 0) {
            throw new IllegalArgumentException("level features must be C×20×20, got " + values.length + " values");
        }
        return manager.create(values, new Shape(values.length / CELLS, CELLS));
    }

    /**
     * Matches per-level features (each {@code [C_k, 20, 20]}, {@code [1, C_k, 20, 20]} or {@code [C_k, 400]}).
     * Intermediate arrays are freed before returning; the inputs are left alone.
     */
    public NetworkOutputs match(List<NDArray> sourceLevels, List<NDArray> targetLevels, NDArray levelGains) {
        if (sourceLevels.size() != targetLevels.size() || sourceLevels.size() != levelGains.size()) {
            throw new IllegalArgumentException("need the same number of source levels, target levels and gains, got "
                    + sourceLevels.size() + ", " + targetLevels.size() + ", " + levelGains.size());
        }
        NDManager parent = levelGains.getManager();
        try (NDManager scope = parent.newSubManager()) {
            // an identity set: matching an image with itself passes the same arrays twice
            java.util.Set<NDArray> inputs = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            inputs.addAll(sourceLevels);
            inputs.addAll(targetLevels);
            inputs.add(levelGains);
            for (NDArray a : inputs) {
                a.tempAttach(scope);
            }
            List<NDArray> correlations = new ArrayList<>();
            for (int level = 0; level < sourceLevels.size(); level++) {
                correlations.add(correlation(sourceLevels.get(level), targetLevels.get(level)));
            }
            NDArray[] weights = levelWeights(targetLevels, levelGains);
            return toOutputs(readoutTensors(correlations, weights[1]), weights[0]);
        }
    }

    /**
     * Matches from given correlations and level weights (for tests against the fixtures' intermediates and for
     * re-weighting experiments).
     *
     * @param correlationsS2T per level, ReLU'd cosine correlation in S2T layout {@code [t, s]} (400×400, or
     *                        1×400×20×20)
     * @param levelWeights    a_L(t), levels × 400 (or 1×L×20×20): the normalised confidence weights
     */
    public NetworkOutputs matchCorrelations(List<NDArray> correlationsS2T, NDArray levelWeights) {
        try (NDManager scope = levelWeights.getManager().newSubManager()) {
            for (NDArray a : correlationsS2T) {
                a.tempAttach(scope);
            }
            levelWeights.tempAttach(scope);
            List<NDArray> corr = new ArrayList<>();
            for (NDArray c : correlationsS2T) {
                corr.add(c.reshape(CELLS, CELLS));
            }
            return toOutputs(readoutTensors(corr, levelWeights.reshape(correlationsS2T.size(), CELLS)), null);
        }
    }

    /** ReLU(⟨f̂_tgt(t), f̂_src(s)⟩) as a 400×400 {@code [t, s]} matrix (S2T layout). */
    public static NDArray correlation(NDArray source, NDArray target) {
        NDArray s = l2NormalizeColumns(source.reshape(-1, CELLS));
        NDArray t = l2NormalizeColumns(target.reshape(-1, CELLS));
        return Activation.relu(t.transpose().matMul(s));
    }

    /** x / sqrt(Σ_rows x² + 1e-6) per column: the eps-inside-sqrt rule of the reference (G3). */
    public static NDArray l2NormalizeColumns(NDArray x) {
        return x.div(x.square().sum(new int[] {0}, true).add(PaperGeometry.L2_EPS).sqrt());
    }

    /**
     * Target-side CAM level weights (spec §1.4): per level cam(t) = Σ_c mean_c·f_c(t), min-max normalised to
     * [0.5, 1.5], times g_f, then divided by the sum over levels + 1e-6.
     *
     * @return {weighted (cams × g_f), normalised a_L(t)}, each levels × 400
     */
    public static NDArray[] levelWeights(List<NDArray> targetLevels, NDArray levelGains) {
        NDList cams = new NDList();
        for (NDArray level : targetLevels) {
            NDArray f = level.reshape(-1, CELLS);
            NDArray pooled = f.mean(new int[] {1}, true);
            NDArray cam = f.mul(pooled).sum(new int[] {0});
            NDArray min = cam.min();
            NDArray max = cam.max();
            cams.add(cam.sub(min).div(max.sub(min)).add(0.5f));
        }
        NDArray stacked = NDArrays.stack(cams, 0);
        NDArray weighted = stacked.mul(levelGains.reshape(-1, 1));
        NDArray normalised = weighted.div(weighted.sum(new int[] {0}, true).add(PaperGeometry.LEVEL_WEIGHT_EPS));
        return new NDArray[] {weighted, normalised};
    }

    /**
     * The differentiable readout tensors, attached to the manager of the inputs: {@code grid_S2T{sfx}} and
     * {@code grid_T2S{sfx}} as 400×2 (cell-major, x then y), plus diagnostics ({@code corr{L}},
     * {@code corr_fused}, {@code cams}, {@code pre_sam_*}, {@code gauss_argmax_*}, {@code sam_pmax_*}).
     *
     * @param correlationsS2T per level 400×400 {@code [t, s]}
     * @param levelWeights    levels × 400
     */
    public static Map<String, NDArray> readoutTensors(List<NDArray> correlationsS2T, NDArray levelWeights) {
        NDManager manager = levelWeights.getManager();
        NDArray kernelTable = gaussianTable(manager);
        NDArray coordinates = coordinateMatrix(manager);
        Map<String, NDArray> out = new LinkedHashMap<>();
        NDArray fused = null;
        for (int level = 0; level < correlationsS2T.size(); level++) {
            NDArray corr = correlationsS2T.get(level);
            out.put("corr" + (level + 1), corr);
            NDArray contribution = corr.transpose().mul(levelWeights.get(level).reshape(1, CELLS));
            fused = fused == null ? contribution : fused.add(contribution);
        }
        out.put("cams", levelWeights);
        out.put("corr_fused", fused);
        readout(fused.transpose(), "S2T", kernelTable, coordinates, out, true);
        readout(fused, "T2S", kernelTable, coordinates, out, true);
        for (int level = 0; level < correlationsS2T.size(); level++) {
            NDArray corr = correlationsS2T.get(level);
            readout(corr, "S2T_" + (level + 1), kernelTable, coordinates, out, false);
            readout(corr.transpose(), "T2S_" + (level + 1), kernelTable, coordinates, out, false);
        }
        return out;
    }

    /** Gauss(L2norm(V)) then kernel soft-argmax, for a volume V = [k, cell]. */
    private static void readout(NDArray volume, String stage, NDArray kernelTable, NDArray coordinates,
            Map<String, NDArray> out, boolean keepPreSam) {
        NDArray normalised = l2NormalizeColumns(volume);
        NDArray centre = normalised.argMax(0);
        NDArray index = centre.reshape(1, CELLS).broadcast(new Shape(CELLS, CELLS));
        NDArray kernel = kernelTable.gather(index, 1);
        NDArray preSoftArgmax = normalised.mul(kernel);
        // exp(β·(v − max v)) / Σ as the reference writes it: softmax(β·v) rounds β·v first and drifts by ~1e-5
        NDArray exp = ScalarOps.times(preSoftArgmax.sub(preSoftArgmax.max(new int[] {0}, true)),
                PaperGeometry.SOFT_ARGMAX_BETA).exp();
        NDArray probability = exp.div(exp.sum(new int[] {0}, true));
        NDArray grid = coordinates.matMul(probability).transpose();
        out.put("grid_" + stage, grid);
        out.put("gauss_argmax_" + stage, centre);
        out.put("sam_pmax_" + stage, probability.max(new int[] {0}));
        if (keepPreSam) {
            out.put("pre_sam_" + stage, preSoftArgmax);
        }
    }

    /** table[k][c] = exp(−|pos(k) − pos(c)|² / (2σ²)): the kernel centred on cell c, evaluated at cell k. */
    static NDArray gaussianTable(NDManager manager) {
        float[] squared = new float[CELLS * CELLS];
        for (int k = 0; k < CELLS; k++) {
            for (int c = 0; c < CELLS; c++) {
                float dx = (k % N) - (c % N);
                float dy = (k / N) - (c / N);
                squared[k * CELLS + c] = -(dx * dx + dy * dy);
            }
        }
        float sigma = PaperGeometry.KERNEL_SIGMA;
        return manager.create(squared, new Shape(CELLS, CELLS)).div(2 * sigma * sigma).exp();
    }

    /** 2×400: row 0 = x_normal[k mod 20], row 1 = y_normal[k div 20]. */
    static NDArray coordinateMatrix(NDManager manager) {
        float[] normal = linspaceNormal();
        float[] values = new float[2 * CELLS];
        for (int k = 0; k < CELLS; k++) {
            values[k] = normal[k % N];
            values[CELLS + k] = normal[k / N];
        }
        return manager.create(values, new Shape(2, CELLS));
    }

    /** np.linspace(−1, 1, 20) cast to float32: cell centres in align_corners=True convention. */
    public static float[] linspaceNormal() {
        float[] v = new float[N];
        double step = 2.0 / (N - 1);
        for (int i = 0; i < N; i++) {
            v[i] = (float) (-1.0 + i * step);
        }
        v[N - 1] = 1f;
        return v;
    }

    private static NetworkOutputs toOutputs(Map<String, NDArray> tensors, NDArray camsWeighted) {
        NetworkOutputs.Builder builder = new NetworkOutputs.Builder();
        int levels = 0;
        while (tensors.containsKey("corr" + (levels + 1))) {
            levels++;
        }
        for (String sfx : NetworkOutputs.SUFFIXES.subList(0, Math.min(levels + 1, 5))) {
            float[] gridS2T = tensors.get("grid_S2T" + sfx).toFloatArray();
            float[] gridT2S = tensors.get("grid_T2S" + sfx).toFloatArray();
            FlowFields.addOutputs(builder, sfx, gridS2T, gridT2S);
        }
        long[] volume = {1, CELLS, N, N};
        long[] cell = {1, N, N};
        for (int level = 1; level <= levels; level++) {
            builder.put("corr" + level, volume, tensors.get("corr" + level).toFloatArray());
        }
        builder.put("corr_fused", volume, tensors.get("corr_fused").toFloatArray());
        builder.put("cams", new long[] {1, levels, N, N}, tensors.get("cams").toFloatArray());
        if (camsWeighted != null) {
            builder.put("cams_weighted", new long[] {1, levels, N, N}, camsWeighted.toFloatArray());
        }
        builder.put("pre_sam_S2T", volume, tensors.get("pre_sam_S2T").toFloatArray());
        builder.put("pre_sam_T2S", volume, tensors.get("pre_sam_T2S").toFloatArray());
        for (String key : tensors.keySet()) {
            if (key.startsWith("gauss_argmax_")) {
                builder.put(key, cell, tensors.get(key).toType(DataType.FLOAT32, false).toFloatArray());
            } else if (key.startsWith("sam_pmax_")) {
                builder.put(key, cell, tensors.get(key).toFloatArray());
            }
        }
        return builder.build();
    }
}
