package org.learningsa.studio.batch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.UserFacingException;

/**
 * The output folder of a batch run and how a row's files appear in it: written into
 * {@code .partial.<name>/}, then that folder is renamed to {@code <name>/} in one step. A row folder therefore
 * exists whole or not at all, whatever ends the process (Ctrl-C, kill -9, a pre-empted cluster job); what a
 * killed run leaves is only a {@code .partial.<name>/} folder, and the next run of that row deletes it. (Beside
 * the row folder, not under a common one, so paths a file stores relative to itself stay right after the rename.) A row that failed
 * leaves {@code .failed/<name>.txt} with the reason, so the index can say why even when another shard wrote it.
 * Names that start with a dot are never rows ({@link PairsCsv}), so the bookkeeping cannot collide with one.
 */
public final class BatchFolder {

    /** The file the index is rebuilt into. */
    public static final String INDEX = "index.csv";
    /** Every transferred keypoint of the run, one line per row and keypoint. */
    public static final String KEYPOINTS = "keypoints.csv";
    /** Names a row may not take because the run writes files of that name into the folder. */
    static final Set<String> RESERVED_NAMES = Set.of(INDEX, KEYPOINTS);

    private final Path root;

    public BatchFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Creates the folder (and its parents) when missing. */
    public void create() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UserFacingException("cannot create the output folder " + root + ": " + org.learningsa.studio.core.IoReasons.describe(e), e);
        }
    }

    public Path rowFolder(String name) {
        return root.resolve(name);
    }

    public Path index() {
        return root.resolve(INDEX);
    }

    public Path keypoints() {
        return root.resolve(KEYPOINTS);
    }

    Path partialFolder(String name) {
        return root.resolve(".partial." + name);
    }

    Path failureFile(String name) {
        return root.resolve(".failed").resolve(name + ".txt");
    }

    /** Whether the row's folder holds every one of {@code files}. */
    public boolean isDone(String name, List<String> files) {
        Path folder = rowFolder(name);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        return files.stream().allMatch(file -> Files.isRegularFile(folder.resolve(file)));
    }

    /** An empty folder to write the row's files into; what a killed run of this row left there is removed. */
    Path startRow(String name) {
        Path partial = partialFolder(name);
        try {
            deleteTree(partial);
            Files.createDirectories(partial);
        } catch (IOException e) {
            throw new UserFacingException("cannot prepare " + partial + ": " + e.getMessage(), e);
        }
        return partial;
    }

    /**
     * Moves the finished files into place as the row's folder in one rename. A folder from an earlier run with
     * other outputs (say, without a figure) is replaced; it is not done by this run's measure.
     */
    void commitRow(String name) {
        Path partial = partialFolder(name);
        Path folder = rowFolder(name);
        if (Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(folder.resolve(RowRecord.FILE)))) {
            // never replace what the run did not write (an image beside the CSV, a folder of the user's)
            throw new UserFacingException(folder + " exists and is not a row folder of a batch run (no "
                    + RowRecord.FILE + "); move it away or name the row otherwise");
        }
        try {
            if (Files.exists(folder)) {
                Path old = root.resolve(".replaced." + name);
                deleteTree(old);
                Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
                moveAtomically(partial, folder);
                deleteTree(old);
            } else {
                moveAtomically(partial, folder);
            }
            Files.deleteIfExists(failureFile(name));
        } catch (IOException e) {
            throw new UserFacingException("cannot move the finished row into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Records why the row failed (and drops what it had written so far). */
    void recordFailure(String name, String reason) {
        abandonRow(name);
        Path file = failureFile(name);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UserFacingException("cannot create " + file.getParent() + ": " + org.learningsa.studio.core.IoReasons.describe(e), e);
        }
        AtomicFiles.writeString(file, reason + "\n");
    }

    /** Why the row failed in its last run, or null when it has not failed. */
    public String failure(String name) {
        Path file = failureFile(name);
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return "failed (the reason in " + file + " cannot be read: " + e.getMessage() + ")";
        }
    }

    /** Removes what an unfinished row wrote (cancel, failure). */
    void abandonRow(String name) {
        try {
            deleteTree(partialFolder(name));
        } catch (IOException e) {
            // left in .partial.<name>/, which the row's next run clears; no row folder is affected
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename " + from + " in one step", e);
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
