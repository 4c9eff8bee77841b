package org.learningsa.studio.export.figure;

import java.util.Locale;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.MatchService;

/** The generated caption of a match figure: model, readout, confidence kind and mapping convention. */
public final class MatchCaption {

    private MatchCaption() {
    }

    public static String of(MatchService.Result result) {
        Alignment alignment = result.alignment();
        String model = alignment.modelName() + (alignment.semantic() ? "" : "; its matches follow appearance, not meaning");
        int all = alignment.matches(result.readout(), result.confidence(), result.mapping()).size();
        String shown = result.matches().size() == all ? all + " matches"
                : result.matches().size() + " of " + all + " matches shown";
        return String.format(Locale.ROOT,
                "%s → %s. Model: %s. Readout: %s. Colour: %s. Mapping: %s (%s). %s.",
                alignment.source().displayName(), alignment.target().displayName(), model, result.readout().label(),
                result.confidence().label(), result.mapping().name().toLowerCase(Locale.ROOT), Alignment.PIXEL_CONVENTION,
                shown);
    }
}
