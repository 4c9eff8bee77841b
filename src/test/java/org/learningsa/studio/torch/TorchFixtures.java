package org.learningsa.studio.torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The torch-format fixtures, copied into the test resources so tests run without ../shared. */
public final class TorchFixtures {

    private TorchFixtures() {
    }

    public static Path dir() {
        try {
            return Path.of(TorchFixtures.class.getResource("/torch-format/index.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    /** Every {@code *.pt} fixture, sorted by name. */
    public static List<Path> checkpoints() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
