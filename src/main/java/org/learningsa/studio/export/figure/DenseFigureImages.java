package org.learningsa.studio.export.figure;

import java.util.Objects;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.dense.FlowPictures;
import org.learningsa.studio.image.RgbImage;

/**
 * The correspondence whose source → target flow a figure's dense panels show, with the pixels of both images.
 * The pictures are made on first use (laying out a figure must stay cheap: the dialog does it per keystroke;
 * painting happens in the background) and kept.
 */
public final class DenseFigureImages {

    private final Correspondence correspondence;
    private final RgbImage source;
    private final RgbImage target;
    private FlowPictures pictures;

    public DenseFigureImages(Correspondence correspondence, RgbImage source, RgbImage target) {
        this.correspondence = Objects.requireNonNull(correspondence, "correspondence");
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** What the map is ("… refined per pixel" for the refined one), for the caption. */
    public String description() {
        return correspondence.description();
    }

    /** The source → target pictures (made once). */
    public synchronized FlowPictures pictures() {
        if (pictures == null) {
            pictures = FlowPictures.of(correspondence, Direction.SOURCE_TO_TARGET, source, target);
        }
        return pictures;
    }
}
