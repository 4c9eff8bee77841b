package org.learningsa.studio.ui.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.learningsa.studio.torch.TorchFile;

/**
 * Reads where a run came from out of its {@code state.pt}, which holds "the run's settings" next to
 * the optimiser state (issue 12). The file is opened with the safe torch reader (tensors are mapped,
 * not read), and the settings dict is looked up by meaning rather than exact spelling
 * ({@code data_dir}, {@code dataDir} and {@code data} all name the data folder), so the list keeps
 * working if the trainer renames a key. A run without a state.pt, or one that does not say, shows "–".
 */
final class StateFileSettings implements RunSettingsReader {

    static final String HASHED_WEIGHTS = "hashed test weights";

    @Override
    public Origin read(Path runFolder) {
        Path state = runFolder.resolve(RunFolders.STATE_FILE);
        if (!Files.isRegularFile(state)) {
            return Origin.UNKNOWN;
        }
        try {
            Object root = TorchFile.read(state).root();
            Map<?, ?> settings = root instanceof Map<?, ?> top && top.get("settings") instanceof Map<?, ?> s ? s : null;
            return settings == null ? Origin.UNKNOWN : origin(settings);
        } catch (RuntimeException e) {
            return Origin.UNKNOWN; // a damaged state is the resume's business; the list just cannot say
        }
    }

    static Origin origin(Map<?, ?> settings) {
        Object checkpoint = find(settings, "checkpoint");
        Object hashed = find(settings, "hashedweights");
        String startModel = Boolean.TRUE.equals(hashed) || (hashed instanceof Number n && n.intValue() != 0)
                ? HASHED_WEIGHTS
                : checkpoint == null ? "–" : fileName(checkpoint.toString());
        Object benchmark = find(settings, "benchmark");
        Object data = find(settings, "datadir", "data");
        Object csv = find(settings, "csv");
        String dataset = data == null ? "–"
                : (benchmark == null ? "" : benchmark + ": ") + fileName(data.toString())
                        + (csv == null || csv.toString().isBlank() ? "" : " / " + fileName(csv.toString()));
        return new Origin(startModel, dataset);
    }

    private static Object find(Map<?, ?> settings, String... names) {
        for (String name : names) {
            for (Map.Entry<?, ?> entry : settings.entrySet()) {
                String key = String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
                if (key.equals(name) && entry.getValue() != null) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private static String fileName(String path) {
        Path p = Path.of(path);
        return p.getFileName() == null ? path : p.getFileName().toString();
    }
}
