package org.learningsa.studio.ui.pair;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.MatchSet;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.ui.StudioPreferences;
import org.learningsa.studio.ui.view.ColorMap;
import org.learningsa.studio.ui.view.ColourRange;

/**
 * What the overlay shows and how: readout, confidence kind, colour map, filters and layers. The
 * filtered match sets are recomputed from the cached {@link Alignment} in plain Java whenever an
 * option changes; nothing here ever runs the network.
 */
public final class DisplayViewModel {

    /** The interior 18×18 cells give 324 matches; the slider reaches all of them. */
    public static final int MAX_MATCHES = 324;
    static final int DEFAULT_TOP_N = 80;
    static final double DEFAULT_HEATMAP_OPACITY = 0.6;

    private final ObjectProperty<Alignment> alignment = new SimpleObjectProperty<>();
    private final ObjectProperty<Readout> readout = new SimpleObjectProperty<>(Readout.FUSED);
    private final ObjectProperty<ConfidenceKind> confidenceKind = new SimpleObjectProperty<>(ConfidenceKind.PEAK_PROBABILITY);
    private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(ColorMap.VIRIDIS);
    private final IntegerProperty topN = new SimpleIntegerProperty(DEFAULT_TOP_N);
    private final DoubleProperty minConfidence = new SimpleDoubleProperty(0);
    private final BooleanProperty showLines = new SimpleBooleanProperty(true);
    private final BooleanProperty showPoints = new SimpleBooleanProperty(true);
    private final BooleanProperty showCellGrid = new SimpleBooleanProperty(false);
    private final BooleanProperty showLevelWeights = new SimpleBooleanProperty(false);
    /** Only matches whose way back (target → source) returns within one cell of the start. */
    private final BooleanProperty consistentOnly = new SimpleBooleanProperty(false);
    private final DoubleProperty heatmapOpacity = new SimpleDoubleProperty(DEFAULT_HEATMAP_OPACITY);
    private final javafx.beans.property.ReadOnlyStringWrapper matchCount = new javafx.beans.property.ReadOnlyStringWrapper("");
    /**
     * Whether the user has picked a confidence kind. Until then the kind follows the result: peak
     * probability of hand-crafted descriptors says nothing about correctness (on dog → horses the top
     * 80 matches all read ≈ 1 and are wrong), so a non-semantic result is coloured by forward–backward
     * consistency, a network's by its peak probability.
     */
    private boolean kindChosen;
    private boolean choosingAutomatically;
    private final BooleanProperty linkViews = new SimpleBooleanProperty(true);
    /** When on, the inspector follows the pointer (hover) instead of waiting for a click. */
    private final BooleanProperty followPointer = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<MatchSet> visibleMatches = new ReadOnlyObjectWrapper<>();
    /** Per readout, for the per-scale strip: each filtered the same way, coloured by its own confidence. */
    private final ReadOnlyObjectWrapper<Map<Readout, MatchSet>> matchesPerReadout = new ReadOnlyObjectWrapper<>(Map.of());
    /** Applied to the visible matches last: the editor's correction by the user's points (identity without edits). */
    private final ObjectProperty<java.util.function.UnaryOperator<MatchSet>> matchCorrection =
            new SimpleObjectProperty<>(java.util.function.UnaryOperator.identity());
    /** The visible matches before the correction: what "accept the filtered matches" takes over. */
    private final ReadOnlyObjectWrapper<MatchSet> filteredNetworkMatches = new ReadOnlyObjectWrapper<>();
    private final StudioPreferences preferences;

    public DisplayViewModel(StudioPreferences preferences) {
        this.preferences = preferences;
        restore();
        alignment.addListener((obs, old, now) -> {
            if (now != null && !kindChosen) {
                choosingAutomatically = true;
                confidenceKind.set(now.semantic() ? ConfidenceKind.PEAK_PROBABILITY : ConfidenceKind.FORWARD_BACKWARD);
                choosingAutomatically = false;
            }
        });
        Observable[] inputs = {alignment, readout, confidenceKind, topN, minConfidence, consistentOnly, matchCorrection};
        for (Observable input : inputs) {
            input.addListener(obs -> recompute());
        }
        colorMap.addListener((obs, old, now) -> preferences.put("colorMap", now.name()));
        readout.addListener((obs, old, now) -> preferences.put("readout", now.name()));
        confidenceKind.addListener((obs, old, now) -> {
            if (!choosingAutomatically) {
                kindChosen = true;
                preferences.put("confidenceKind", now.name());
            }
        });
        consistentOnly.addListener((obs, old, now) -> preferences.putBoolean("consistentOnly", now));
        heatmapOpacity.addListener((obs, old, now) -> preferences.putDouble("heatmapOpacity", now.doubleValue()));
        topN.addListener((obs, old, now) -> preferences.putInt("topN", now.intValue()));
        minConfidence.addListener((obs, old, now) -> preferences.putDouble("minConfidence", now.doubleValue()));
        showLines.addListener((obs, old, now) -> preferences.putBoolean("showLines", now));
        showPoints.addListener((obs, old, now) -> preferences.putBoolean("showPoints", now));
        showCellGrid.addListener((obs, old, now) -> preferences.putBoolean("showCellGrid", now));
        linkViews.addListener((obs, old, now) -> preferences.putBoolean("linkViews", now));
        followPointer.addListener((obs, old, now) -> preferences.putBoolean("followPointer", now));
    }

    private void restore() {
        colorMap.set(ColorMap.parse(preferences.get("colorMap", ColorMap.VIRIDIS.name())));
        readout.set(parseEnum(Readout.class, preferences.get("readout", ""), Readout.FUSED));
        String chosenKind = preferences.get("confidenceKind", "");
        kindChosen = !chosenKind.isEmpty();
        confidenceKind.set(parseEnum(ConfidenceKind.class, chosenKind, ConfidenceKind.FORWARD_BACKWARD));
        consistentOnly.set(preferences.getBoolean("consistentOnly", false));
        heatmapOpacity.set(Math.max(0.1, Math.min(1, preferences.getDouble("heatmapOpacity", DEFAULT_HEATMAP_OPACITY))));
        topN.set(Math.max(1, Math.min(MAX_MATCHES, preferences.getInt("topN", DEFAULT_TOP_N))));
        minConfidence.set(Math.max(0, Math.min(1, preferences.getDouble("minConfidence", 0))));
        showLines.set(preferences.getBoolean("showLines", true));
        showPoints.set(preferences.getBoolean("showPoints", true));
        showCellGrid.set(preferences.getBoolean("showCellGrid", false));
        linkViews.set(preferences.getBoolean("linkViews", true));
        followPointer.set(preferences.getBoolean("followPointer", false));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private void recompute() {
        Alignment current = alignment.get();
        if (current == null) {
            colourRange.set(ColourRange.FULL);
            visibleMatches.set(null);
            filteredNetworkMatches.set(null);
            matchesPerReadout.set(Map.of());
            matchCount.set("");
            return;
        }
        Map<Readout, MatchSet> perReadout = new EnumMap<>(Readout.class);
        int all = 0;
        for (Readout each : Readout.values()) {
            MatchSet unfiltered = current.matches(each, confidenceKind.get());
            if (each == readout.get()) {
                all = unfiltered.size();
            }
            perReadout.put(each, filter(unfiltered));
        }
        matchesPerReadout.set(perReadout);
        MatchSet shown = perReadout.get(readout.get());
        filteredNetworkMatches.set(shown);
        updateColourRange(shown);
        visibleMatches.set(matchCorrection.get().apply(shown));
        matchCount.set("Showing " + shown.size() + " of " + all + " matches" + (consistentOnly.get() ? " (consistent only)" : ""));
    }

    private void updateColourRange(MatchSet shown) {
        colourRange.set(ColourRange.of(confidenceKind.get(), shown));
    }

    private final ReadOnlyObjectWrapper<ColourRange> colourRange = new ReadOnlyObjectWrapper<>(ColourRange.FULL);

    public ReadOnlyObjectProperty<ColourRange> colourRangeProperty() {
        return colourRange.getReadOnlyProperty();
    }

    private MatchSet filter(MatchSet all) {
        MatchSet kept = consistentOnly.get() ? all.mutualOnly() : all;
        return kept.atLeast(minConfidence.get()).top(topN.get());
    }

    public ObjectProperty<Alignment> alignmentProperty() {
        return alignment;
    }

    public ObjectProperty<Readout> readoutProperty() {
        return readout;
    }

    public ObjectProperty<ConfidenceKind> confidenceKindProperty() {
        return confidenceKind;
    }

    public ObjectProperty<ColorMap> colorMapProperty() {
        return colorMap;
    }

    public IntegerProperty topNProperty() {
        return topN;
    }

    public DoubleProperty minConfidenceProperty() {
        return minConfidence;
    }

    public BooleanProperty showLinesProperty() {
        return showLines;
    }

    public BooleanProperty showPointsProperty() {
        return showPoints;
    }

    public BooleanProperty showCellGridProperty() {
        return showCellGrid;
    }

    public BooleanProperty showLevelWeightsProperty() {
        return showLevelWeights;
    }

    public BooleanProperty consistentOnlyProperty() {
        return consistentOnly;
    }

    /** Opacity of the picked point's heatmap over the other image, 0.1 … 1. */
    public DoubleProperty heatmapOpacityProperty() {
        return heatmapOpacity;
    }

    /** "Showing N of M matches": N after the filters, M of the readout before them; empty before a run. */
    public javafx.beans.property.ReadOnlyStringProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    public BooleanProperty followPointerProperty() {
        return followPointer;
    }

    public BooleanProperty linkViewsProperty() {
        return linkViews;
    }

    /** The matches of the current readout after the filters, most confident first; null before a run. */
    public ReadOnlyObjectProperty<MatchSet> visibleMatchesProperty() {
        return visibleMatches.getReadOnlyProperty();
    }

    public ObjectProperty<java.util.function.UnaryOperator<MatchSet>> matchCorrectionProperty() {
        return matchCorrection;
    }

    /** The current readout's matches after the filters, before the editor's correction. */
    public ReadOnlyObjectProperty<MatchSet> filteredNetworkMatchesProperty() {
        return filteredNetworkMatches.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<Readout, MatchSet>> matchesPerReadoutProperty() {
        return matchesPerReadout.getReadOnlyProperty();
    }
}
