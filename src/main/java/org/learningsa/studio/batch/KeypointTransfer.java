package org.learningsa.studio.batch;

import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.editing.ImageHashes;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.PointsDocument;
import org.learningsa.studio.editing.UserPoint;

/**
 * Carries named source keypoints to a target through an alignment, as editor points: origin "transferred",
 * unlocked (the user is meant to review them), each with the network's confidence at its source point. The
 * same readout, mapping and confidence kind as the row's matches, so a keypoint on a grid centre lands where
 * matches.json says.
 */
final class KeypointTransfer {

    private KeypointTransfer() {
    }

    static PointsDocument transfer(SourceKeypoints keypoints, Alignment alignment, Readout readout, Mapping mapping,
                                   ConfidenceKind confidence) {
        ImageRef source = alignment.source();
        ImageRef target = alignment.target();
        PointsDocument.ImageEntry sourceEntry = entry(source);
        List<UserPoint> points = new ArrayList<>();
        int index = 0;
        for (SourceKeypoints.Keypoint keypoint : keypoints.points()) {
            index++;
            if (!sourceEntry.contains(keypoint.x(), keypoint.y())) {
                throw new UserFacingException("the keypoint '" + keypoint.name() + "' of " + keypoints.file() + " at ("
                        + keypoint.x() + ", " + keypoint.y() + ") lies outside the " + source.width() + "x"
                        + source.height() + " source image");
            }
            PixelPoint mapped = alignment.map(Direction.SOURCE_TO_TARGET, keypoint.x(), keypoint.y(), readout, mapping);
            double score = alignment.confidence(Direction.SOURCE_TO_TARGET, keypoint.x(), keypoint.y(), readout,
                    confidence);
            points.add(new UserPoint("k" + index, keypoint.name(), new PixelPoint(keypoint.x(), keypoint.y()), mapped,
                    Origin.TRANSFERRED, false, score));
        }
        return new PointsDocument(sourceEntry, entry(target), points);
    }

    private static PointsDocument.ImageEntry entry(ImageRef image) {
        return new PointsDocument.ImageEntry(image.path(), image.width(), image.height(),
                image.path() == null ? "" : ImageHashes.sha256(image.path()));
    }
}
