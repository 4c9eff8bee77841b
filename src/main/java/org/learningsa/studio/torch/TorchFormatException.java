package org.learningsa.studio.torch;

import java.nio.file.Path;
import org.learningsa.studio.core.UserFacingException;

/**
 * The only exception the checkpoint reader throws for bad input: not a torch file, truncated,
 * corrupt, unsafe (a pickle global outside the whitelist) or absurdly large. The message names the
 * file and the problem.
 */
public class TorchFormatException extends UserFacingException {

    public TorchFormatException(Path file, String problem) {
        super(describe(file) + ": " + problem);
    }

    public TorchFormatException(Path file, String problem, Throwable cause) {
        super(describe(file) + ": " + problem, cause);
    }

    private static String describe(Path file) {
        return file == null ? "(in memory)" : file.toString();
    }
}
