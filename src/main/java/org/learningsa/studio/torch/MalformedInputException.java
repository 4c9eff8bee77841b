package org.learningsa.studio.torch;

/**
 * A problem found while decoding, before the file name is known to the decoder; the reader turns
 * it into a {@link TorchFormatException} that names the file.
 */
final class MalformedInputException extends RuntimeException {

    MalformedInputException(String problem) {
        super(problem, null, false, false);
    }
}
