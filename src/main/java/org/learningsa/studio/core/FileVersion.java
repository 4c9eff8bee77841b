package org.learningsa.studio.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What identifies one version of a file without reading it: its size and modification time. A run's
 * {@code last.pt} is replaced after every epoch under the same name, so caches keyed by path alone would keep
 * serving the weights of the first epoch they saw.
 *
 * @param size          bytes, or -1 when the file cannot be read
 * @param modifiedMillis modification time, or -1 when the file cannot be read
 */
public record FileVersion(long size, long modifiedMillis) {

    /** The version of {@code file} now. */
    public static FileVersion of(Path file) {
        try {
            return new FileVersion(Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            return new FileVersion(-1, -1);
        }
    }
}
