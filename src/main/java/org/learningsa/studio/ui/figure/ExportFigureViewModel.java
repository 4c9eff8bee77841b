package org.learningsa.studio.ui.figure;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.learningsa.studio.export.figure.Background;
import org.learningsa.studio.export.figure.DensePanel;
import org.learningsa.studio.export.figure.FigureFormat;
import org.learningsa.studio.export.figure.FigureLayout;
import org.learningsa.studio.export.figure.FigureRenderer;
import org.learningsa.studio.export.figure.FigureSize;
import org.learningsa.studio.export.figure.FigureStyle;
import org.learningsa.studio.export.figure.FigurePanels;
import org.learningsa.studio.export.figure.MatchFigure;
import org.learningsa.studio.export.figure.MatchFigureContent;
import org.learningsa.studio.export.figure.MatchFigureOptions;
import org.learningsa.studio.ui.StudioPreferences;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskHandle;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * The figure export dialog's state: the settings as properties, the figure they describe (the same
 * {@link MatchFigure} that is written, so the preview shows the file), and the export itself, which runs
 * in the background and remembers the settings.
 */
public final class ExportFigureViewModel {

    /** Previews draw from copies at most this wide: re-rendering a 4000-pixel original on every change is slow. */
    static final int PREVIEW_IMAGE_WIDTH = 1200;

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final StudioPreferences preferences;

    private final ObjectProperty<MatchFigureContent> content = new SimpleObjectProperty<>();
    private final ObjectProperty<MatchFigureContent> previewContent = new SimpleObjectProperty<>();
    private final ObjectProperty<FigureStyle> baseStyle = new SimpleObjectProperty<>(FigureStyle.defaults());
    private final ObjectProperty<FigureLayout> layout = new SimpleObjectProperty<>();
    private final DoubleProperty width = new SimpleDoubleProperty();
    private final ObjectProperty<LengthUnit> unit = new SimpleObjectProperty<>();
    private final IntegerProperty dpi = new SimpleIntegerProperty();
    private final ObjectProperty<Background> background = new SimpleObjectProperty<>();
    private final DoubleProperty lineWidth = new SimpleDoubleProperty();
    private final DoubleProperty pointSize = new SimpleDoubleProperty();
    private final BooleanProperty caption = new SimpleBooleanProperty();
    /** The caption as shown in the editor; equal to the generated one means "not edited". */
    private final StringProperty captionShown = new SimpleStringProperty("");
    private final BooleanProperty scales = new SimpleBooleanProperty();
    private final BooleanProperty heatmap = new SimpleBooleanProperty();
    private final BooleanProperty labels = new SimpleBooleanProperty();
    /** One box per dense-flow panel, in {@link DensePanel} order. */
    private final Map<DensePanel, BooleanProperty> dense = denseChoices();
    private final ObjectProperty<FigureFormat> format = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);

    private final StringBinding generatedCaption;
    private final ObjectBinding<MatchFigureOptions> options;
    private final StringBinding problem;
    private final ObjectBinding<MatchFigure> figure;
    private final ObjectBinding<MatchFigure> previewFigure;
    private final StringBinding sizeText;
    private final BooleanBinding heatmapAvailable;
    private final BooleanBinding labelsAvailable;
    private final BooleanBinding denseAvailable;

    public ExportFigureViewModel(TaskRunner tasks, DialogService dialogs, StudioPreferences preferences) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.preferences = preferences;
        apply(FigureSettings.load(preferences));
        unit.addListener((obs, old, now) -> {
            if (old != null && now != null && old != now) {
                width.set(round(now.fromMm(old.toMm(width.get())), now == LengthUnit.MM ? 1 : 3));
            }
        });
        content.addListener((obs, old, now) -> {
            previewContent.set(now == null ? null : now.withImages(
                    FigurePanels.shrinkTowards(now.sourceImage(), PREVIEW_IMAGE_WIDTH),
                    FigurePanels.shrinkTowards(now.targetImage(), PREVIEW_IMAGE_WIDTH)));
            captionShown.set(generated(now));
        });
        heatmapAvailable = Bindings.createBooleanBinding(() -> content.get() != null && content.get().inspected() != null,
                content);
        labelsAvailable = Bindings.createBooleanBinding(() -> content.get() != null && !content.get().labels().isEmpty(),
                content);
        denseAvailable = Bindings.createBooleanBinding(() -> content.get() != null && content.get().dense() != null,
                content);
        generatedCaption = Bindings.createStringBinding(() -> generated(content.get()), withDense(content, heatmap,
                baseStyle));
        // a caption not edited follows what is drawn (ticking a panel adds its sentence), an edited one stays
        generatedCaption.addListener((obs, old, now) -> {
            if (old != null && old.equals(captionShown.get())) {
                captionShown.set(now);
            }
        });
        options = Bindings.createObjectBinding(() -> {
            try {
                return settings().options(baseStyle.get());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }, withDense(layout, width, unit, dpi, background, lineWidth, pointSize, caption, captionShown, scales, heatmap,
                labels, baseStyle, generatedCaption));
        problem = Bindings.createStringBinding(() -> {
            try {
                settings().options(baseStyle.get());
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, options);
        figure = Bindings.createObjectBinding(() -> content.get() == null || options.get() == null ? null
                : new MatchFigure(content.get(), options.get()), content, options);
        previewFigure = Bindings.createObjectBinding(() -> previewContent.get() == null || options.get() == null ? null
                : new MatchFigure(previewContent.get(), options.get()), previewContent, options);
        sizeText = Bindings.createStringBinding(() -> {
            MatchFigure f = figure.get();
            if (f == null) {
                return problem.get();
            }
            double mmPerPt = FigureSize.MM_PER_INCH / FigureSize.POINTS_PER_INCH;
            var pixels = FigureRenderer.rasterSize(f, dpi.get());
            return String.format(Locale.ROOT, "%.0f × %.0f mm (%.2f × %.2f in); as PNG %d × %d px at %d dpi",
                    f.widthPt() * mmPerPt, f.heightPt() * mmPerPt, f.widthPt() / 72, f.heightPt() / 72, pixels.width,
                    pixels.height, dpi.get());
        }, figure, dpi, problem);
    }

    private String generated(MatchFigureContent from) {
        if (from == null) {
            return "";
        }
        MatchFigureOptions plain = MatchFigureOptions.defaults().withExtras(false, heatmap.get(), false)
                .withDensePanels(tickedDense());
        return new MatchFigure(from, plain).captionText();
    }

    /** The settings as they stand (the caption text only when edited). */
    public FigureSettings settings() {
        String shown = captionShown.get();
        String edited = shown == null || shown.equals(generatedCaption == null ? "" : generatedCaption.get()) ? null : shown;
        return new FigureSettings(layout.get(), width.get(), unit.get(), dpi.get(), background.get(), lineWidth.get(),
                pointSize.get(), caption.get(), edited, scales.get(), heatmap.get(), labels.get(), format.get(),
                tickedDense());
    }

    private void apply(FigureSettings settings) {
        layout.set(settings.layout());
        unit.set(settings.unit());
        width.set(settings.width());
        dpi.set(settings.dpi());
        background.set(settings.background());
        lineWidth.set(settings.lineWidthPt());
        pointSize.set(settings.pointSizePt());
        caption.set(settings.caption());
        scales.set(settings.scales());
        heatmap.set(settings.heatmap());
        labels.set(settings.labels());
        format.set(settings.format());
        dense.forEach((panel, ticked) -> ticked.set(settings.densePanels().contains(panel)));
    }

    private static Map<DensePanel, BooleanProperty> denseChoices() {
        Map<DensePanel, BooleanProperty> choices = new EnumMap<>(DensePanel.class);
        for (DensePanel panel : DensePanel.values()) {
            choices.put(panel, new SimpleBooleanProperty());
        }
        return choices;
    }

    private Set<DensePanel> tickedDense() {
        Set<DensePanel> ticked = EnumSet.noneOf(DensePanel.class);
        dense.forEach((panel, box) -> {
            if (box.get()) {
                ticked.add(panel);
            }
        });
        return ticked;
    }

    /** {@code others} and the dense-panel boxes: what a binding over the options depends on. */
    private Observable[] withDense(Observable... others) {
        List<Observable> all = new ArrayList<>(List.of(others));
        all.addAll(dense.values());
        return all.toArray(Observable[]::new);
    }

    /** The width presets: one column of a two-column paper. */
    public void oneColumn() {
        width.set(round(unit.get().fromMm(FigureSize.ONE_COLUMN_MM), unit.get() == LengthUnit.MM ? 1 : 3));
    }

    /** Two columns: the text width. */
    public void twoColumns() {
        width.set(round(unit.get().fromMm(FigureSize.TWO_COLUMN_MM), unit.get() == LengthUnit.MM ? 1 : 3));
    }

    /** Back to the generated caption. */
    public void resetCaption() {
        captionShown.set(generatedCaption.get());
    }

    /** Settings restored to their defaults (the caption to the generated one). */
    public void resetAll() {
        apply(FigureSettings.defaults());
        resetCaption();
    }

    /** A file name for the save dialog: the pair's names and the current format. */
    public String suggestedName() {
        MatchFigureContent c = content.get();
        String stem = c == null ? "figure" : stem(c.source().displayName()) + "-" + stem(c.target().displayName());
        return stem + "-figure." + format.get().extension();
    }

    /**
     * Writes the figure to {@code file} in the background (format by extension), remembers the settings,
     * and tells the user when it is done or why it failed.
     */
    public TaskHandle export(Path file) {
        MatchFigure toWrite = figure.get();
        if (toWrite == null) {
            dialogs.notify(Notification.warning("Cannot export the figure",
                    content.get() == null ? "Run the alignment first: there are no matches to draw." : problem.get()));
            return null;
        }
        FigureFormat chosen;
        try {
            chosen = FigureFormat.of(file);
        } catch (RuntimeException e) {
            dialogs.notify(Notification.error("Cannot export the figure", e));
            return null;
        }
        format.set(chosen);
        rememberSettings();
        int resolution = dpi.get();
        Background behind = background.get();
        exporting.set(true);
        TaskHandle handle = tasks.submit(BackgroundTask.of("Exporting " + file.getFileName(), (progress, cancel) -> {
            FigureRenderer.write(toWrite, file, resolution, behind, progress);
            return file;
        }).onSuccess(written -> {
            exporting.set(false);
            dialogs.notify(Notification.info("Figure exported", "Saved as " + written + "."));
        }).onFailure(error -> {
            exporting.set(false);
            dialogs.notify(Notification.error("Figure export failed", error));
        }));
        return handle;
    }

    /** The raster the PNG would hold, at {@code atDpi} (the preview's resolution or the export's). */
    public BufferedImage render(int atDpi) {
        MatchFigure f = figure.get();
        return f == null ? null : FigureRenderer.raster(f, atDpi, background.get());
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Keeps the settings for the next figure (on export and when the dialog closes). */
    public void rememberSettings() {
        settings().save(preferences);
    }

    public ObjectProperty<MatchFigureContent> contentProperty() {
        return content;
    }

    public ObjectProperty<FigureStyle> baseStyleProperty() {
        return baseStyle;
    }

    public ObjectProperty<FigureLayout> layoutProperty() {
        return layout;
    }

    public DoubleProperty widthProperty() {
        return width;
    }

    public ObjectProperty<LengthUnit> unitProperty() {
        return unit;
    }

    public IntegerProperty dpiProperty() {
        return dpi;
    }

    public ObjectProperty<Background> backgroundProperty() {
        return background;
    }

    public DoubleProperty lineWidthProperty() {
        return lineWidth;
    }

    public DoubleProperty pointSizeProperty() {
        return pointSize;
    }

    public BooleanProperty captionProperty() {
        return caption;
    }

    public StringProperty captionShownProperty() {
        return captionShown;
    }

    public BooleanProperty scalesProperty() {
        return scales;
    }

    public BooleanProperty heatmapProperty() {
        return heatmap;
    }

    public BooleanProperty labelsProperty() {
        return labels;
    }

    /** Whether the dense-flow panel is ticked (drawn only when {@link #denseAvailableProperty()} holds). */
    public BooleanProperty denseProperty(DensePanel panel) {
        return dense.get(panel);
    }

    /** Whether the content has a correspondence to draw the dense-flow panels from. */
    public BooleanBinding denseAvailableProperty() {
        return denseAvailable;
    }

    public ObjectProperty<FigureFormat> formatProperty() {
        return format;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ObjectBinding<MatchFigure> figureProperty() {
        return figure;
    }

    /** The same figure over smaller copies of the images, for the live preview. */
    public ObjectBinding<MatchFigure> previewFigureProperty() {
        return previewFigure;
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public StringBinding sizeTextProperty() {
        return sizeText;
    }

    public BooleanBinding heatmapAvailableProperty() {
        return heatmapAvailable;
    }

    public BooleanBinding labelsAvailableProperty() {
        return labelsAvailable;
    }

    public StringBinding generatedCaptionProperty() {
        return generatedCaption;
    }
}
