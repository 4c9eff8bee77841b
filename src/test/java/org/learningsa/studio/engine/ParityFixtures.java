package org.learningsa.studio.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Locates the parity fixtures: the full set under the system property {@code lsa.fixtures}
 * ({@code parity/} folder) when present, else the reduced copy in {@code src/test/resources/parity-reduced}.
 */
public final class ParityFixtures {

    public static final String[] PAIRS = {"p1_motorcycle", "p2_dog_horse"};

    private ParityFixtures() {
    }

    /** The full fixture folder, if the shared fixtures are available. */
    public static Optional<Path> fullDir() {
        String property = System.getProperty("lsa.fixtures", "../shared/fixtures");
        Path dir = Paths.get(property).resolve("parity");
        return Files.isRegularFile(dir.resolve("p1_motorcycle_expected.npz")) ? Optional.of(dir) : Optional.empty();
    }

    /** The reduced copy committed with the tests. */
    public static Optional<Path> reducedDir() {
        String project = System.getProperty("lsa.project", ".");
        Path dir = Paths.get(project).resolve("src/test/resources/parity-reduced");
        return Files.isRegularFile(dir.resolve("p1_motorcycle_expected.npz")) ? Optional.of(dir) : Optional.empty();
    }

    /** Full fixtures when present, else the reduced copy. */
    public static Optional<Path> anyDir() {
        return fullDir().or(ParityFixtures::reducedDir);
    }

    public static NpzArchive expected(Path dir, String pair) {
        return NpzArchive.read(dir.resolve(pair + "_expected.npz"));
    }

    public static NpzArchive inputs(Path dir, String pair) {
        return NpzArchive.read(dir.resolve(pair + "_inputs.npz"));
    }
}
