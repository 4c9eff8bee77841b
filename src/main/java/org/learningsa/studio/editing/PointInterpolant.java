package org.learningsa.studio.editing;

/** A smooth 2-vector field through given values at given points (the residual or the whole map). */
interface PointInterpolant {

    /** The field's (x, y) value at the point. */
    double[] at(double x, double y);
}
