package org.learningsa.studio.train;

/**
 * The end-of-epoch validation as train.py logs it ({@code "kind": "validation"}): PCK@0.1 on the validation
 * CSV and PCK@0.05 on the test CSV, bounding-box threshold, fractions in [0, 1]. A value is null when that set
 * was not evaluated (no CSV, validation off, or no pair could be read).
 */
public record ValidationMetrics(int epoch, Double pckVal010, Double pckTest005) implements MetricsLog.Entry {
}
