package org.learningsa.studio.data;

import java.nio.file.Path;
import java.util.List;
import org.learningsa.studio.core.UserFacingException;

/**
 * The folder the user chose does not hold the benchmark: its message is the command line's (it names
 * {@code --csv}); the parts are kept so the app can say the same in its own words (which folder to
 * choose, what it must contain).
 *
 * @see #folder() the folder that was chosen
 */
public final class NotADatasetFolderException extends UserFacingException {

    private final Benchmark benchmark;
    private final Path folder;
    private final List<String> expected;
    private final List<String> missing;

    /**
     * @param expected what the folder must contain, in the words of a file listing ("bbox_test_pairs_pf_pascal.csv",
     *                 "PF_Pascal/")
     * @param missing  which of those were not found
     */
    NotADatasetFolderException(String cliMessage, Benchmark benchmark, Path folder, List<String> expected, List<String> missing) {
        super(cliMessage);
        this.benchmark = benchmark;
        this.folder = folder;
        this.expected = List.copyOf(expected);
        this.missing = List.copyOf(missing);
    }

    public Benchmark benchmark() {
        return benchmark;
    }

    public Path folder() {
        return folder;
    }

    public List<String> expected() {
        return expected;
    }

    public List<String> missing() {
        return missing;
    }
}
