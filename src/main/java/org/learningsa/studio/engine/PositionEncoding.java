package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.learningsa.studio.image.PaperGeometry;

/**
 * DETR's sine position encoding as the reference builds it for level width C (spec §1.3 b):
 * {@code PositionEmbeddingSine(num_pos_feats = (C/2)·25, normalize=True, scale=2π, temperature=10000)} on the
 * 20×20 grid, 25·C channels (first half from y, second from x, sin/cos interleaved), in token form
 * {@code [25C, 400]}. A function of the shape only; float32 arithmetic as torch does it.
 */
public final class PositionEncoding {

    private static final int N = PaperGeometry.CELLS;
    private static final double TEMPERATURE = 10000.0;

    private PositionEncoding() {
    }

    /** The encoding {@code [25·C, 400]} (channel, token = row·20 + column) for level width {@code channels}. */
    public static NDArray create(NDManager manager, int channels) {
        int d = (channels / 2) * 25;
        float[] table = halfTable(d);
        NDArray perPosition = manager.create(table, new Shape(N, d)).transpose(); // [d, 20]
        NDArray y = perPosition.reshape(d, N, 1).broadcast(new Shape(d, N, N)).reshape(d, N * N);
        NDArray x = perPosition.reshape(d, 1, N).broadcast(new Shape(d, N, N)).reshape(d, N * N);
        return NDArrays.concat(new NDList(y, x), 0);
    }

    /** table[p][k] = sin/cos(embed(p) / dim_t[k]) for positions p = 0..19 along one axis. */
    static float[] halfTable(int d) {
        float scale = (float) (2 * Math.PI);
        float last = (float) N + 1e-6f;
        float[] table = new float[N * d];
        float[] dimT = new float[d];
        for (int k = 0; k < d; k++) {
            float exponent = (2f * (k / 2)) / (float) d;
            dimT[k] = (float) Math.pow(TEMPERATURE, exponent);
        }
        for (int p = 0; p < N; p++) {
            float embed = (float) (p + 1) / last * scale;
            for (int k = 0; k < d; k++) {
                float arg = embed / dimT[k];
                table[p * d + k] = (k % 2 == 0) ? (float) Math.sin(arg) : (float) Math.cos(arg);
            }
        }
        return table;
    }
}
