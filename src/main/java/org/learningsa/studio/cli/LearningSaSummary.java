package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.learningsa.studio.torch.TensorData;

/**
 * For a LearningSA checkpoint (keys of SFNet: {@code g_f}, {@code feature_extraction.*},
 * {@code tokens_to_token*}), which parts are present and the trained scalars: the level gains
 * {@code g_f} and the attention gammas. Key names from ../shared/research/state_dict_manifest.tsv.
 */
final class LearningSaSummary {

    private static final String BACKBONE = "feature_extraction.";
    private static final String TRANSFORMERS = "tokens_to_token";
    /** Modules in the state_dict that the eval forward pass never uses (manifest: used_by_eval_forward = no). */
    private static final List<String> UNUSED_HEADS = List.of("conv_embed_", "feat_merge_", "tokens_interaction_");

    private LearningSaSummary() {
    }

    static boolean applies(Map<String, TensorData> stateDict) {
        return stateDict.containsKey("g_f") && stateDict.keySet().stream().anyMatch(k -> k.startsWith(BACKBONE));
    }

    static void print(Map<String, TensorData> stateDict, PrintWriter out) {
        out.println();
        out.println("LearningSA checkpoint:");
        out.printf(Locale.ROOT, "  %-40s %d keys%n", "backbone (" + BACKBONE + "*):", count(stateDict, BACKBONE));
        out.printf(Locale.ROOT, "  %-40s %d keys%n", "transformers (" + TRANSFORMERS + "*):", count(stateDict, TRANSFORMERS));
        for (String head : UNUSED_HEADS) {
            out.printf(Locale.ROOT, "  %-40s %d keys%n", "unused head " + head + "*:", count(stateDict, head));
        }
        TensorData levelGains = stateDict.get("g_f");
        out.printf(Locale.ROOT, "  %-40s %s%n", "g_f (level gains):", format(levelGains.toFloatArray()));
        Map<String, Float> gammas = new TreeMap<>();
        stateDict.forEach((key, tensor) -> {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            if (leaf.contains("gamma") && tensor.numel() == 1) {
                gammas.put(key, tensor.toFloatArray()[0]);
            }
        });
        out.printf(Locale.ROOT, "  %-40s %d%n", "attention gammas:", gammas.size());
        gammas.forEach((key, value) -> out.printf(Locale.ROOT, "    %-55s %.6g%n", org.learningsa.studio.core.EchoedText.name(key), value));
    }

    private static long count(Map<String, TensorData> stateDict, String prefix) {
        return stateDict.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }

    private static String format(float[] values) {
        List<String> parts = new ArrayList<>();
        for (float value : values) {
            parts.add(String.format(Locale.ROOT, "%.6g", value));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
