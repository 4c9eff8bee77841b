package org.learningsa.studio.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.engine.DeviceChoice;

/** A run's settings as plain values (strings, numbers, lists) for state.pt, and back. */
final class SettingsCodec {

    private SettingsCodec() {
    }

    static Map<String, Object> encode(TrainingSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", s.benchmark().cliName());
        m.put("data_dir", path(s.dataDir()));
        m.put("csv", path(s.csv()));
        m.put("checkpoint", path(s.checkpoint()));
        m.put("hashed_weights", s.hashedWeights());
        m.put("epochs", (long) s.epochs());
        m.put("max_steps", s.maxSteps());
        m.put("lr", s.learningRate());
        m.put("gamma", s.gamma());
        List<Object> schedule = new ArrayList<>();
        s.decaySchedule().forEach(v -> schedule.add((long) v));
        m.put("decay_schedule", schedule);
        m.put("val_csv", path(s.valCsv()));
        m.put("test_csv", path(s.testCsv()));
        m.put("validation", s.validation());
        m.put("save_every", (long) s.saveEvery());
        m.put("device", s.device().name().toLowerCase(java.util.Locale.ROOT));
        m.put("shuffle_seed", s.shuffleSeed());
        return m;
    }

    /** The settings of a saved run, continuing in {@code runDir} (the folder may have been moved). */
    static TrainingSettings decode(Map<String, Object> m, Path runDir) {
        try {
            List<Integer> schedule = new ArrayList<>();
            for (Object v : (List<?>) m.get("decay_schedule")) {
                schedule.add(((Number) v).intValue());
            }
            Object seed = m.get("shuffle_seed");
            return new TrainingSettings(Benchmark.parse((String) m.get("benchmark")), Path.of((String) m.get("data_dir")),
                    optionalPath(m.get("csv")), optionalPath(m.get("checkpoint")), (Boolean) m.get("hashed_weights"),
                    runDir, ((Number) m.get("epochs")).intValue(), ((Number) m.get("max_steps")).longValue(),
                    ((Number) m.get("lr")).doubleValue(), ((Number) m.get("gamma")).doubleValue(), schedule,
                    optionalPath(m.get("val_csv")), optionalPath(m.get("test_csv")), (Boolean) m.get("validation"),
                    ((Number) m.get("save_every")).intValue(), DeviceChoice.parse((String) m.get("device")),
                    seed == null ? null : ((Number) seed).longValue());
        } catch (RuntimeException e) {
            throw new UserFacingException(runDir.resolve(RunState.FILE_NAME) + ": the run's settings are incomplete ("
                    + e + ")", e);
        }
    }

    private static String path(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize().toString();
    }

    private static Path optionalPath(Object value) {
        return value == null ? null : Path.of((String) value);
    }
}
