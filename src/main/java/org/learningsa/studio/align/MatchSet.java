package org.learningsa.studio.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An immutable list of matches with the filters the views and the CLI offer. */
public final class MatchSet {

    private static final Comparator<Match> MOST_CONFIDENT_FIRST =
            Comparator.comparingDouble(Match::confidence).reversed();

    private final List<Match> matches;
    private final ConfidenceKind confidenceKind;

    public MatchSet(List<Match> matches, ConfidenceKind confidenceKind) {
        this.matches = List.copyOf(matches);
        this.confidenceKind = confidenceKind;
    }

    /** The matches, in grid order (row by row over the source) unless filtered by {@link #top(int)}. */
    public List<Match> matches() {
        return matches;
    }

    public ConfidenceKind confidenceKind() {
        return confidenceKind;
    }

    public int size() {
        return matches.size();
    }

    public boolean isEmpty() {
        return matches.isEmpty();
    }

    /** The {@code n} most confident matches, most confident first (ties keep grid order). */
    public MatchSet top(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        List<Match> sorted = new ArrayList<>(matches);
        sorted.sort(MOST_CONFIDENT_FIRST);
        return new MatchSet(sorted.subList(0, Math.min(n, sorted.size())), confidenceKind);
    }

    /** The matches whose confidence is at least {@code threshold}, in their current order. */
    public MatchSet atLeast(double threshold) {
        return new MatchSet(matches.stream().filter(m -> m.confidence() >= threshold).toList(), confidenceKind);
    }

    /** Only the matches whose way back returns to the start. */
    public MatchSet mutualOnly() {
        return new MatchSet(matches.stream().filter(Match::mutual).toList(), confidenceKind);
    }
}
