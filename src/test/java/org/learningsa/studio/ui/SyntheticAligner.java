package org.learningsa.studio.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.DecodedImage;

/**
 * A test aligner with known outputs, for view-model tests that must not depend on the speed or the
 * numbers of a real model: level L maps source cell (r, c) to target cell (r, c + L − 1) (clamped),
 * the fused readout is the identity; peak probabilities differ per level; level weights favour
 * level 4 on the left half and level 1 on the right. It counts its runs and can be made to wait
 * until cancelled.
 */
public class SyntheticAligner implements Aligner {

    static final int CELLS = 20;
    final AtomicInteger runs = new AtomicInteger();
    /** When set, align() waits here (checking the cancel token) before producing its result. */
    volatile CountDownLatch gate;
    final CountDownLatch started = new CountDownLatch(1);

    /** How many times align() ran, for tests in other packages. */
    public int runCount() {
        return runs.get();
    }

    @Override
    public String name() {
        return "synthetic test aligner";
    }

    @Override
    public boolean semantic() {
        return false;
    }

    @Override
    public Alignment align(DecodedImage source, DecodedImage target, ProgressListener progress, CancelToken cancel) {
        runs.incrementAndGet();
        started.countDown();
        progress.progress("correlation", 0.5);
        CountDownLatch wait = gate;
        while (wait != null && wait.getCount() > 0) {
            cancel.throwIfCancelled();
            try {
                wait.await(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        cancel.throwIfCancelled();
        Map<String, float[]> outputs = outputs();
        return Alignment.fromOutputs(Aligner.refOf(source), Aligner.refOf(target), name(), false, outputs::get);
    }

    public static Map<String, float[]> outputs() {
        Map<String, float[]> out = new HashMap<>();
        String[] suffixes = {"", "_1", "_2", "_3", "_4"};
        for (int level = 0; level <= 4; level++) {
            int shift = level == 0 ? 0 : level - 1;
            out.put("grid_S2T" + suffixes[level], grid(shift));
            out.put("grid_T2S" + suffixes[level], grid(-shift));
            float[] peak = new float[CELLS * CELLS];
            for (int i = 0; i < peak.length; i++) {
                int col = i % CELLS;
                peak[i] = level == 0 ? 0.2f + 0.7f * col / (CELLS - 1) : 0.2f * level;
            }
            out.put("sam_pmax_S2T" + suffixes[level], peak);
            out.put("sam_pmax_T2S" + suffixes[level], peak.clone());
        }
        for (int level = 1; level <= 4; level++) {
            out.put("corr" + level, correlation(level - 1, true));
        }
        out.put("corr_fused", correlation(0, false));
        float[] cams = new float[4 * CELLS * CELLS];
        for (int cell = 0; cell < CELLS * CELLS; cell++) {
            boolean left = cell % CELLS < CELLS / 2;
            cams[(left ? 3 : 0) * CELLS * CELLS + cell] = 0.7f;
            for (int level = 0; level < 4; level++) {
                if (cams[level * CELLS * CELLS + cell] == 0) {
                    cams[level * CELLS * CELLS + cell] = 0.1f;
                }
            }
        }
        out.put("cams", cams);
        return out;
    }

    /** grid[r][c] = normalised position of cell (r, c + shift), layout [row][col][x, y]. */
    private static float[] grid(int shift) {
        float[] grid = new float[CELLS * CELLS * 2];
        for (int r = 0; r < CELLS; r++) {
            for (int c = 0; c < CELLS; c++) {
                int to = Math.max(0, Math.min(CELLS - 1, c + shift));
                grid[(r * CELLS + c) * 2] = -1f + 2f * to / (CELLS - 1);
                grid[(r * CELLS + c) * 2 + 1] = -1f + 2f * r / (CELLS - 1);
            }
        }
        return grid;
    }

    /** 1 where the other cell is the match (shifted by {@code shift} columns), 0.2 elsewhere. */
    private static float[] correlation(int shift, boolean sourceToTargetLayout) {
        int n = CELLS * CELLS;
        float[] corr = new float[n * n];
        for (int s = 0; s < n; s++) {
            int r = s / CELLS;
            int c = Math.max(0, Math.min(CELLS - 1, s % CELLS + shift));
            int t = r * CELLS + c;
            for (int other = 0; other < n; other++) {
                float value = other == t ? 1f : 0.2f;
                if (sourceToTargetLayout) {
                    corr[other * n + s] = value;
                } else {
                    corr[s * n + other] = value;
                }
            }
        }
        return corr;
    }
}
