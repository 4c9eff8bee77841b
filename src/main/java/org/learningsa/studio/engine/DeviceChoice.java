package org.learningsa.studio.engine;

import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.UserFacingException;

/** What the user asked for with {@code --device}: the CPU, a CUDA GPU, or the GPU when one works. */
public enum DeviceChoice {
    CPU, GPU, AUTO;

    /** @throws UserFacingException for anything else: one line, exit 2, the same for every command */
    public static DeviceChoice parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "cpu" -> CPU;
            case "gpu", "cuda" -> GPU;
            case "auto" -> AUTO;
            default -> throw new UserFacingException("unknown device '" + EchoedText.name(text) + "' (expected cpu, gpu or auto)");
        };
    }
}
