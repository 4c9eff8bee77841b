package org.learningsa.studio.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.export.figure.FigureFormat;
import org.learningsa.studio.export.figure.MatchFigureOptions;

/**
 * What every row of a batch run writes, and how its matches are read (as {@code lsa match} reads them).
 *
 * @param top           keep the {@code top} most confident matches; 0 keeps all
 * @param figureFormat  a figure per row in this format, or null for none
 * @param figureOptions how figures are drawn (ignored without a format)
 * @param warped        a {@code warped.png} per row: the target resampled into the source's frame
 * @param flow          a {@code flow.npy} per row: the dense source-to-target flow, as {@code lsa match --flow}
 * @param refineDense   the flow and the warp from the refined per-pixel map (as {@code lsa match --dense refined},
 *                      the default), else from the network's grid
 * @param keypoints     keypoints to carry to the targets of rows whose source is their image, or null
 */
public record BatchSettings(Readout readout, Mapping mapping, ConfidenceKind confidence, int top,
                            FigureFormat figureFormat, MatchFigureOptions figureOptions, boolean warped, boolean flow,
                            boolean refineDense, SourceKeypoints keypoints) {

    public static final String MATCHES = "matches.json";
    public static final String WARPED = "warped.png";
    public static final String FLOW = "flow.npy";
    public static final String POINTS = "points.json";
    public static final String FIGURE = "figure";

    public BatchSettings {
        Objects.requireNonNull(readout, "readout");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(confidence, "confidence");
        if (top < 0) {
            throw new IllegalArgumentException("top must not be negative: " + top);
        }
        figureOptions = figureOptions == null ? MatchFigureOptions.defaults() : figureOptions;
    }

    /** The files a finished row of this run holds, row.json last. */
    public List<String> files(BatchRow row) {
        List<String> files = new ArrayList<>(List.of(MATCHES));
        if (figureFormat != null) {
            files.add(FIGURE + "." + figureFormat.extension());
        }
        if (warped) {
            files.add(WARPED);
        }
        if (flow) {
            files.add(FLOW);
        }
        if (carriesKeypoints(row)) {
            files.add(POINTS);
        }
        files.add(RowRecord.FILE);
        return files;
    }

    /** Whether the row's source is the image the keypoints were placed on. */
    public boolean carriesKeypoints(BatchRow row) {
        return keypoints != null && row.source() != null && keypoints.placedOn(row.source());
    }
}
