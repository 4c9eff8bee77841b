package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.align.dense.DenseRefiner;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.editing.CorrectedCorrespondence;
import org.learningsa.studio.editing.ImageHashes;
import org.learningsa.studio.editing.PointsDocument;
import org.learningsa.studio.editing.PointsFile;
import picocli.CommandLine.Option;

/**
 * {@code --points POINTS.json [--trust-points]}: the user's points applied to the network's correspondence,
 * shared by the commands that read one ({@code lsa match}, {@code lsa morph}, {@code lsa style}); used as a
 * picocli {@code @Mixin}.
 */
final class PointsOptions {

    @Option(names = "--points", paramLabel = "POINTS.json",
            description = "a points file saved by the editor (or a script): the network's correspondence is corrected "
                    + "to pass exactly through these points, locally (within 1/5 of the longer image side of each)")
    Path points;

    @Option(names = "--trust-points",
            description = "with --points (3 or more, not all on one line): map by a thin-plate spline through the "
                    + "points alone, ignoring the network (for when the network is wrong everywhere)")
    boolean trustPoints;

    @Option(names = "--dense", defaultValue = "refined", paramLabel = "refined|grid",
            description = "which correspondence the output reads: refined, the per-pixel map refined from the model's "
                    + "grid (coarse-to-fine patch search on the two images, both directions, forward-backward "
                    + "confidence; user points stay exact); grid, the model's 20x20 grid read bilinearly, for "
                    + "comparison (default: ${DEFAULT-VALUE})")
    String dense = "refined";

    /** Near-duplicate points named one by one on stderr; the rest are counted. */
    private static final int MAX_NOTED_POINTS = 5;

    /** The points file once read by {@link #check}, so a bad one is refused before any work. */
    private PointsDocument document;

    /**
     * Fails early (before any model loads) on --trust-points without --points, or a points file that is missing,
     * a folder, or breaks the format or a limit; what only the images can tell (their sizes) is checked later.
     */
    void check() {
        if (!"refined".equals(dense) && !"grid".equals(dense)) {
            throw new UserFacingException("--dense must be refined or grid, not " + EchoedText.name(dense));
        }
        if (trustPoints && points == null) {
            throw new UserFacingException("--trust-points needs --points POINTS.json");
        }
        if (points != null && java.nio.file.Files.isDirectory(points)) {
            throw new UserFacingException("the points file " + points + " is a folder, not a file");
        }
        if (points != null && !java.nio.file.Files.exists(points)) {
            throw new UserFacingException("the points file " + points + " does not exist");
        }
        if (points != null && document == null) {
            document = PointsFile.read(points);
        }
    }

    /** Whether a points file was given. */
    boolean given() {
        return points != null;
    }

    /**
     * The network's correspondence corrected by the points file; the network's itself without --points.
     *
     * @param sourceFile the SOURCE the command was given, to warn when the points were placed on another file
     * @throws UserFacingException when the file is bad, was made for images of another size, or cannot be trusted
     */
    /**
     * The correspondence every command that reads a dense map works from (morph, style, colorize, match's flow
     * exports): the network's grid at {@code readout}, refined per pixel on the two images unless --dense grid,
     * then corrected by the user's points when --points is given (so the points stay exact on the refined map).
     *
     * @param sourceImage the source as decoded (its pixels are what the refinement reads)
     */
    Correspondence correspondence(Alignment alignment, Readout readout, DecodedImage sourceImage,
                                  DecodedImage targetImage, Path sourceFile, Path targetFile, PrintWriter err,
                                  ProgressListener progress, CancelToken cancel) {
        check();
        Correspondence network = new NetworkCorrespondence(alignment, readout);
        Correspondence base = refined()
                ? DenseRefiner.refine(network, sourceImage.pixels(), targetImage.pixels(), progress, cancel)
                : network;
        return apply(base, sourceFile, targetFile, err);
    }

    /** Whether --dense asks for the refined per-pixel map (the default). */
    boolean refined() {
        return !"grid".equals(dense);
    }

    /**
     * The network's grid correspondence (never refined), through the user's points when --points is given: for
     * readers of a few grid points only (match's match list), where refining every pixel would be wasted.
     */
    Correspondence gridCorrespondence(Alignment alignment, Readout readout, Path sourceFile, Path targetFile,
                                      PrintWriter err) {
        return apply(new NetworkCorrespondence(alignment, readout), sourceFile, targetFile, err);
    }

    private Correspondence apply(Correspondence network, Path sourceFile, Path targetFile, PrintWriter err) {
        check();
        if (points == null) {
            return network;
        }
        checkSize(document.source(), network.source(), "source", sourceFile);
        checkSize(document.target(), network.target(), "target", targetFile);
        warnIfOtherFile(document.source(), sourceFile, "source", err);
        warnIfOtherFile(document.target(), targetFile, "target", err);
        noteReplacedPoints(document, err);
        try {
            return CorrectedCorrespondence.of(network, document.points(), trustPoints);
        } catch (UserFacingException e) {
            throw new UserFacingException(points + ": " + e.getMessage(), e);
        }
    }

    /** Says which points lie on top of a later one and are set aside, a few by name and the count of the rest. */
    private void noteReplacedPoints(PointsDocument document, PrintWriter err) {
        List<CorrectedCorrespondence.Replaced> replaced = CorrectedCorrespondence.replacedPoints(document.points());
        int shown = Math.min(replaced.size(), MAX_NOTED_POINTS);
        for (CorrectedCorrespondence.Replaced r : replaced.subList(0, shown)) {
            err.println(String.format(Locale.ROOT, "note: %s: points %s and %s lie %.3g px apart in the %s image "
                            + "(closer than %.1f px are one place); %s, the later, is used",
                    points, EchoedText.name(r.earlier().id()), EchoedText.name(r.later().id()), r.distancePixels(),
                    r.direction() == Direction.SOURCE_TO_TARGET ? "source" : "target",
                    CorrectedCorrespondence.SAME_PLACE_PIXELS, EchoedText.name(r.later().id())));
        }
        if (replaced.size() > shown) {
            err.println("note: " + points + ": " + (replaced.size() - shown) + " more points lie on top of later ones");
        }
        err.flush();
    }

    private void checkSize(PointsDocument.ImageEntry entry, ImageRef image, String role, Path file) {
        if (entry.width() != image.width() || entry.height() != image.height()) {
            throw new UserFacingException(points + " was made for a " + entry.width() + "x" + entry.height() + " "
                    + role + " image, but " + file + " is " + image.width() + "x" + image.height());
        }
    }

    private void warnIfOtherFile(PointsDocument.ImageEntry entry, Path file, String role, PrintWriter err) {
        if (!entry.sha256().isEmpty() && !entry.sha256().equalsIgnoreCase(ImageHashes.sha256(file))) {
            err.println("note: " + points + " was placed on another " + role + " file (its sha256 differs from "
                    + file + "'s); applying it because the sizes agree");
            err.flush();
        }
    }
}
