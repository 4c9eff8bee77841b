package org.learningsa.studio.eval;

import java.util.Locale;
import org.learningsa.studio.core.UserFacingException;

/** Which length L a PCK threshold α·L uses, and so which coordinate frame the keypoints are compared in. */
public enum ThresholdKind {
    /** Keypoints rescaled to the 288×288 network frame, L = 288 (LearningSA {@code eval_type=image_size}). */
    IMAGE_SIZE("image-size"),
    /** Original pixels, L = an object size (LearningSA {@code eval_type=bounding_box}; per benchmark). */
    BOUNDING_BOX("bbox");

    private final String cliName;

    ThresholdKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    @Override
    public String toString() {
        return cliName;
    }

    public static ThresholdKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "image-size", "img", "image" -> IMAGE_SIZE;
            case "bbox", "bounding-box" -> BOUNDING_BOX;
            default -> throw new UserFacingException("unknown threshold '" + text + "' (expected image-size or bbox)");
        };
    }
}
