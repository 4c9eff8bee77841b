package org.learningsa.studio.torch;

import java.nio.file.Path;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;

/**
 * The only exception the checkpoint reader throws for bad input: not a torch file, truncated,
 * corrupt, unsafe (a pickle global outside the whitelist) or absurdly large. The message names the
 * file and the problem, on one line: names taken from the file are escaped (no terminal control
 * sequences) and the message is capped at {@link InputLimits#MAX_MESSAGE_CHARS}.
 */
public class TorchFormatException extends UserFacingException {

    public TorchFormatException(Path file, String problem) {
        super(safe(file, problem));
    }

    public TorchFormatException(Path file, String problem, Throwable cause) {
        super(safe(file, problem), cause);
    }

    private static String safe(Path file, String problem) {
        return EchoedText.escape(describe(file) + ": " + problem, InputLimits.MAX_MESSAGE_CHARS);
    }

    private static String describe(Path file) {
        return file == null ? "(in memory)" : file.toString();
    }
}
