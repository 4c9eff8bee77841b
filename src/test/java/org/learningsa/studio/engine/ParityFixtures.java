package org.learningsa.studio.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Locates the parity fixtures: the full set under the system property {@code lsa.fixtures}
 * ({@code parity/} folder) when present, else the reduced copy in {@code src/test/resources/parity-reduced}.
 */
final class ParityFixtures {

    static final String[] PAIRS = {"p1_motorcycle", "p2_dog_horse"};

    private ParityFixtures() {
    }

    /** The full fixture folder, if the shared fixtures are available. */
    static Optional<Path> fullDir() {
        String property = System.getProperty("lsa.fixtures", "../shared/fixtures");
        Path dir = Paths.get(property).resolve("parity");
        return Files.isRegularFile(dir.resolve("p1_motorcycle_expected.npz")) ? Optional.of(dir) : Optional.empty();
    }

    /** The reduced copy committed with the tests. */
    static Optional<Path> reducedDir() {
        String project = System.getProperty("lsa.project", ".");
        Path dir = Paths.get(project).resolve("src/test/resources/parity-reduced");
        return Files.isRegularFile(dir.resolve("p1_motorcycle_expected.npz")) ? Optional.of(dir) : Optional.empty();
    }

    /** Full fixtures when present, else the reduced copy. */
    static Optional<Path> anyDir() {
        return fullDir().or(ParityFixtures::reducedDir);
    }

    static NpzArchive expected(Path dir, String pair) {
        return NpzArchive.read(dir.resolve(pair + "_expected.npz"));
    }

    static NpzArchive inputs(Path dir, String pair) {
        return NpzArchive.read(dir.resolve(pair + "_inputs.npz"));
    }
}
