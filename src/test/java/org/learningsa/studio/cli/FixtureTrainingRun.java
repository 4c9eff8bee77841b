package org.learningsa.studio.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fine-tuning fixture's uninterrupted 3-step {@code lsa train} run (hashed weights, no validation), made once
 * per test JVM and shared by the tests that compare with it: the CLI's own checks and the training panel's "equals a
 * 3-step CLI run". One run costs minutes of CPU and writes 3.5 GB, so CI makes it once. The folder is removed when
 * the JVM exits.
 */
public final class FixtureTrainingRun {

    /** What the run printed and where it wrote last.pt, state.pt and metrics.jsonl. */
    public record Result(int exitCode, String out, String err, Path runDir) {
    }

    private static Result threeSteps;

    private FixtureTrainingRun() {
    }

    /** The fixture folder: ../shared/fixtures/train, else the small copy in src/test/resources. */
    public static Optional<Path> fixture() {
        Path shared = Paths.get(System.getProperty("lsa.fixtures", "../shared/fixtures")).resolve("train");
        if (Files.isRegularFile(shared.resolve("expected.json"))) {
            return Optional.of(shared);
        }
        Path copy = Paths.get(System.getProperty("lsa.project", ".")).resolve("src/test/resources/train-fixture");
        return Files.isRegularFile(copy.resolve("expected.json")) ? Optional.of(copy) : Optional.empty();
    }

    /** {@code lsa train} arguments for {@code maxSteps} steps of the fixture into {@code out}. */
    public static String[] arguments(Path fixture, Path out, int maxSteps) {
        return new String[] {"train", "--benchmark", "pf-pascal", "--data", fixture.toString(), "--csv",
            fixture.resolve("train_pairs.csv").toString(), "--hashed-weights", "--out", out.toString(), "--max-steps",
            Integer.toString(maxSteps), "--no-validation", "--save-every", "0", "--device", "cpu"};
    }

    /** The 3-step run, made on first use. */
    public static synchronized Result threeSteps(Path fixture) {
        if (threeSteps == null) {
            try {
                Path dir = Files.createTempDirectory("lsa-fixture-3-steps");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Path runDir = dir.resolve("one-go");
                CliRun run = CliRun.of(arguments(fixture, runDir, 3));
                threeSteps = new Result(run.exitCode(), run.out(), run.err(), runDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return threeSteps;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind
        }
    }
}
