package org.learningsa.studio.editing;

import java.util.function.UnaryOperator;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;

/** A "network" correspondence given by two functions, for testing the correction without a network. */
record FunctionCorrespondence(ImageRef source, ImageRef target, UnaryOperator<PixelPoint> forward,
                              UnaryOperator<PixelPoint> backward, double constantConfidence) implements Correspondence {

    /** The identity between two images of one size, confidence 0.5. */
    static FunctionCorrespondence identity(int width, int height) {
        ImageRef image = new ImageRef(null, width, height);
        return new FunctionCorrespondence(image, image, p -> p, p -> p, 0.5);
    }

    @Override
    public PixelPoint map(Direction direction, double x, double y) {
        return (direction == Direction.SOURCE_TO_TARGET ? forward : backward).apply(new PixelPoint(x, y));
    }

    @Override
    public double confidence(Direction direction, double x, double y) {
        return constantConfidence;
    }

    @Override
    public String description() {
        return "test map";
    }

    @Override
    public boolean semantic() {
        return false;
    }
}
