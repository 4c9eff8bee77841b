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

/**
 * What the overlay shows and how: readout, confidence kind, colour map, filters and layers. The
 * filtered match sets are recomputed from the cached {@link Alignment} in plain Java whenever an
 * option changes; nothing here ever runs the network.
 */
public final class DisplayViewModel {

    /** The interior 18×18 cells give 324 matches; the slider reaches all of them. */
    public static final int MAX_MATCHES = 324;
    static final int DEFAULT_TOP_N = 80;

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
        Observable[] inputs = {alignment, readout, confidenceKind, topN, minConfidence, matchCorrection};
        for (Observable input : inputs) {
            input.addListener(obs -> recompute());
        }
        colorMap.addListener((obs, old, now) -> preferences.put("colorMap", now.name()));
        readout.addListener((obs, old, now) -> preferences.put("readout", now.name()));
        confidenceKind.addListener((obs, old, now) -> preferences.put("confidenceKind", now.name()));
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
        confidenceKind.set(parseEnum(ConfidenceKind.class, preferences.get("confidenceKind", ""),
                ConfidenceKind.PEAK_PROBABILITY));
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
            visibleMatches.set(null);
            filteredNetworkMatches.set(null);
            matchesPerReadout.set(Map.of());
            return;
        }
        Map<Readout, MatchSet> perReadout = new EnumMap<>(Readout.class);
        for (Readout each : Readout.values()) {
            perReadout.put(each, filter(current.matches(each, confidenceKind.get())));
        }
        matchesPerReadout.set(perReadout);
        filteredNetworkMatches.set(perReadout.get(readout.get()));
        visibleMatches.set(matchCorrection.get().apply(perReadout.get(readout.get())));
    }

    private MatchSet filter(MatchSet all) {
        return all.atLeast(minConfidence.get()).top(topN.get());
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
