package org.learningsa.studio.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.learningsa.studio.core.EchoedText;

/**
 * Finds the file an annotation names. Dataset files name images relative to a root that differs
 * between distributions ({@code PF-dataset-PASCAL/JPEGImages/x.jpg}, {@code JPEGImages/x.jpg},
 * {@code x.jpg}), so each candidate root is tried with the name as written and with its leading
 * folders dropped one by one.
 */
final class ImageResolver {

    private final List<Path> roots;
    private final boolean allowOutside;

    ImageResolver(List<Path> candidateRoots) {
        this(candidateRoots, false);
    }

    /** Unless {@code allowOutside}, names that resolve outside every root are refused (see {@link #resolve}). */
    ImageResolver(List<Path> candidateRoots, boolean allowOutside) {
        this.allowOutside = allowOutside;
        LinkedHashSet<Path> unique = new LinkedHashSet<>();
        for (Path root : candidateRoots) {
            if (root != null && Files.isDirectory(root)) {
                unique.add(root.toAbsolutePath().normalize());
            }
        }
        this.roots = new ArrayList<>(unique);
    }

    List<Path> roots() {
        return roots;
    }

    /**
     * The existing file for {@code name}, if any root holds it.
     *
     * @throws IllegalArgumentException (the row is skipped with this reason) when the name is absolute or climbs
     *                                  out of the folders with {@code ..}, unless the resolver allows it
     */
    Optional<Path> resolve(String name) {
        String clean = name.trim().replace('\\', '/');
        if (!allowOutside) {
            requireInside(clean, name);
        }
        while (clean.startsWith("./")) {
            clean = clean.substring(2);
        }
        String[] segments = clean.split("/");
        for (Path root : roots) {
            for (int drop = 0; drop < segments.length; drop++) {
                String relative = String.join("/", java.util.Arrays.copyOfRange(segments, drop, segments.length));
                try {
                    Path candidate = root.resolve(relative);
                    if (Files.isRegularFile(candidate)) {
                        return Optional.of(candidate);
                    }
                } catch (InvalidPathException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private void requireInside(String clean, String name) {
        boolean absolute = clean.startsWith("/") || clean.matches("^[A-Za-z]:.*");
        int depth = 0;
        for (String segment : clean.split("/")) {
            if (segment.equals("..")) {
                depth--;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                break;
            }
        }
        if (absolute || depth < 0) {
            throw new IllegalArgumentException("'" + EchoedText.name(name.trim()) + "' names a file outside the dataset "
                    + "folder (" + (roots.isEmpty() ? "none found" : roots.get(0)) + "); skipped (eval --allow-outside-data "
                    + "reads it)");
        }
    }

    /** Where {@code name} was expected, for a "not found" message. */
    Path expectedLocation(String name) {
        Path root = roots.isEmpty() ? Path.of(".") : roots.get(0);
        try {
            return root.resolve(name.trim());
        } catch (InvalidPathException e) {
            return root;
        }
    }
}
