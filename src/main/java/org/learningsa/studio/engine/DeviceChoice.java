package org.learningsa.studio.engine;

/** What the user asked for with {@code --device}: the CPU, a CUDA GPU, or the GPU when one works. */
public enum DeviceChoice {
    CPU, GPU, AUTO;

    public static DeviceChoice parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "cpu" -> CPU;
            case "gpu", "cuda" -> GPU;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("unknown device '" + text + "' (expected cpu, gpu or auto)");
        };
    }
}
