package org.learningsa.studio.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The check every command runs on its output paths before any work: an output must not resolve to one of the
 * command's inputs (an image, a checkpoint, the dataset's CSV) or to another output, compared by real path
 * (symbolic links and {@code ..} resolved, hard links through {@link Files#isSameFile}); it must not be a
 * folder; it must have one of the accepted extensions. Only when all of that holds are missing output folders
 * created, so a usage error writes nothing and every command treats a missing folder the same way.
 *
 * <pre>{@code
 * OutputGuard.create().input("the source image", source).input("the target image", target)
 *         .output("--json", json).output("--figure", figure, ".png").check();
 * }</pre>
 */
public final class OutputGuard {

    private record Named(String role, Path path, List<String> extensions) {
    }

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();

    private OutputGuard() {
    }

    public static OutputGuard create() {
        return new OutputGuard();
    }

    /** An input the outputs must not overwrite; {@code null} is ignored. */
    public OutputGuard input(String role, Path path) {
        if (path != null) {
            inputs.add(new Named(role, path, List.of()));
        }
        return this;
    }

    /** An output (named by its option) with the extensions it may have (none: any); {@code null} is ignored. */
    public OutputGuard output(String option, Path path, String... extensions) {
        if (path != null) {
            outputs.add(new Named(option, path, List.of(extensions)));
        }
        return this;
    }

    /**
     * Refuses the first problem found, then creates the outputs' missing folders.
     *
     * @throws UserFacingException naming the option, the path and what it collides with
     */
    public void check() {
        for (int i = 0; i < outputs.size(); i++) {
            Named output = outputs.get(i);
            String name = output.path().getFileName() == null ? "" : output.path().getFileName().toString();
            if (!output.extensions().isEmpty()
                    && output.extensions().stream().noneMatch(e -> name.toLowerCase(Locale.ROOT).endsWith(e))) {
                throw new UserFacingException(output.role() + " " + output.path() + ": expected a "
                        + String.join(" or ", output.extensions()) + " file name");
            }
            if (Files.isDirectory(output.path())) {
                throw new UserFacingException(output.role() + " " + output.path() + " is a folder; give a file name");
            }
            for (Named input : inputs) {
                if (same(output.path(), input.path())) {
                    throw new UserFacingException(output.role() + " " + output.path() + " is " + input.role()
                            + "; refusing to overwrite an input (choose another output name)");
                }
            }
            for (int j = 0; j < i; j++) {
                if (same(output.path(), outputs.get(j).path())) {
                    throw new UserFacingException(output.role() + " and " + outputs.get(j).role() + " are the same file "
                            + output.path() + "; one would overwrite the other");
                }
            }
        }
        for (Named output : outputs) {
            Path folder = output.path().toAbsolutePath().getParent();
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UserFacingException("cannot create the folder " + folder + " for " + output.role() + ": "
                        + IoReasons.describe(e), e);
            }
        }
    }

    /** Whether two paths name one file: real paths (links and .. resolved) as far as they exist, then the file's identity. */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall through to the path comparison
        }
        return resolved(a).equals(resolved(b));
    }

    /** The real path of the longest existing ancestor, with the rest appended and normalised. */
    private static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        Path result = existing;
        try {
            result = existing == null ? absolute.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            result = existing;
        }
        for (Path part : rest) {
            result = result.resolve(part);
        }
        return result.normalize();
    }
}
