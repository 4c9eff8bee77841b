/**
 * The alignment service the front ends use: an {@link org.learningsa.studio.align.Aligner} (LearningSA or the
 * weight-free, not semantic {@link org.learningsa.studio.align.DefaultAligner}) turns two images into an immutable
 * {@link org.learningsa.studio.align.Alignment}: dense 20×20 correspondence grids in both directions for the fused
 * readout and each backbone level, confidences, correlation rows for heatmaps and level weights, and sparse
 * {@link org.learningsa.studio.align.MatchSet}s. {@link org.learningsa.studio.align.MatchService} is the one code path
 * of {@code lsa match} and the app; {@link org.learningsa.studio.align.ModelRegistry} finds and keeps the models.
 *
 * <p>Pixel convention everywhere: original pixels of the image (after EXIF orientation), x to the right, y down,
 * pixel centres at integers. Two mappings through the grid: {@link org.learningsa.studio.align.Mapping#EXACT}
 * ({@link org.learningsa.studio.align.ExactMapping}) and {@link org.learningsa.studio.align.Mapping#PAPER}
 * ({@link org.learningsa.studio.align.PaperKeypointTransfer}, the reference's keypoint transfer, for parity).
 */
package org.learningsa.studio.align;
