package org.learningsa.studio.data;

/**
 * A dataset row that could not be evaluated (an image is missing or unreadable, a malformed row);
 * it is reported and the run goes on without it.
 *
 * @param where  "bbox_test_pairs_pf_pascal.csv row 12"
 * @param reason "image A not found: /data/PF_Pascal/JPEGImages/2009_000001.jpg"
 */
public record SkippedPair(String where, String reason) {
    @Override
    public String toString() {
        return where + ": " + reason;
    }
}
