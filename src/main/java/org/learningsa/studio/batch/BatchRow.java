package org.learningsa.studio.batch;

import java.nio.file.Path;

/**
 * One line of a pairs CSV.
 *
 * @param number  1-based among the CSV's pair rows (the header is not counted); what messages and the index call "row"
 * @param line    1-based line in the file, for messages that send the user to the file
 * @param name    the row's output folder name (the CSV's {@code name} column, else the zero-padded row number)
 * @param source  absolute source image path, or null when the row names none
 * @param target  absolute target image path, or null when the row names none
 * @param problem why the row cannot be run as written (missing cell, a name used twice…), or null when it can
 */
public record BatchRow(int number, int line, String name, Path source, Path target, String problem) {

    /** 0-based position, the one {@link Shard#takes} reads. */
    public int position() {
        return number - 1;
    }

    public boolean usable() {
        return problem == null;
    }
}
