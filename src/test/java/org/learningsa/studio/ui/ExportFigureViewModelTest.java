package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.export.figure.DenseFigureImages;
import org.learningsa.studio.export.figure.DenseFigurePanelsTest;
import org.learningsa.studio.export.figure.DensePanel;
import org.learningsa.studio.export.figure.FigureFormat;
import org.learningsa.studio.export.figure.MatchFigure;
import org.learningsa.studio.export.figure.MatchFigureContent;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.figure.ExportFigureDialog;
import org.learningsa.studio.ui.figure.ExportFigureViewModel;
import org.learningsa.studio.ui.figure.FigureSettings;
import org.learningsa.studio.ui.figure.LengthUnit;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/** The export dialog's model without a window: units, presets, the caption, remembered settings, export. */
class ExportFigureViewModelTest {

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<Notification> notifications = dialogs.notifications;
    private StudioPreferences preferences;
    private ExportFigureViewModel model;

    @BeforeEach
    void setUp() {
        preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/figuremodel"));
        preferences.clear();
        model = new ExportFigureViewModel(new ImmediateTaskRunner(), dialogs, preferences);
        model.contentProperty().set(content());
    }

    @Test
    void switchingUnitsKeepsThePrintedWidth() {
        model.twoColumns();
        assertEquals(175, model.widthProperty().get(), 1e-9);
        model.unitProperty().set(LengthUnit.INCH);
        assertEquals(6.89, model.widthProperty().get(), 1e-9, "175 mm in inches, rounded for the field");
        model.oneColumn();
        assertEquals(3.268, model.widthProperty().get(), 1e-9);
        assertEquals(83, model.figureProperty().get().widthPt() * 25.4 / 72, 0.01);
    }

    @Test
    void editedCaptionIsKeptAndResetGivesTheGeneratedOneBack() {
        String generated = model.generatedCaptionProperty().get();
        assertEquals(generated, model.captionShownProperty().get());
        assertNull(model.settings().captionText(), "not edited");
        model.captionShownProperty().set("Figure 2. Our pair.");
        assertEquals("Figure 2. Our pair.", model.figureProperty().get().captionText());
        model.resetCaption();
        assertEquals(generated, model.figureProperty().get().captionText());
    }

    @Test
    void perScalePanelsAtOneColumnAreRefusedWithAHint(@TempDir Path folder) {
        model.scalesProperty().set(true);
        model.oneColumn();
        assertNull(model.figureProperty().get(), "five panels of 17 mm are unreadable");
        assertTrue(model.problemProperty().get().contains("17 mm") && model.problemProperty().get().contains("Two columns"),
                model.problemProperty().get());
        assertNull(model.export(folder.resolve("x.pdf")));
        model.twoColumns();
        assertTrue(model.figureProperty().get() != null, "at two columns (35 mm each) they are drawn");
    }

    @Test
    void outOfRangeValuesAreNamedAndNothingIsExported(@TempDir Path folder) {
        model.dpiProperty().set(5);
        assertNull(model.figureProperty().get());
        assertTrue(model.problemProperty().get().contains("dpi"), model.problemProperty().get());
        assertNull(model.export(folder.resolve("x.png")));
        assertEquals(Notification.Severity.WARNING, notifications.get(0).severity());
    }

    @Test
    void exportWritesTheFileAndRemembersTheSettings(@TempDir Path folder) throws Exception {
        model.oneColumn();
        model.dpiProperty().set(100);
        Path svg = folder.resolve("pair.svg");
        assertNotNull(model.export(svg));
        assertTrue(Files.readString(svg).contains("<svg"));
        assertEquals(Notification.Severity.INFO, notifications.get(notifications.size() - 1).severity());
        FigureSettings remembered = FigureSettings.load(preferences);
        assertEquals(83, remembered.widthMm(), 1e-9);
        assertEquals(100, remembered.dpi());
        assertEquals(FigureFormat.SVG, remembered.format(), "the next save dialog proposes SVG");
        assertEquals("source-target-figure.svg", model.suggestedName());
    }

    @Test
    void denseFlowPanelsCanBeTickedWhenTheViewHasAMapAndAreRemembered(@TempDir Path folder) throws Exception {
        assertFalse(model.denseAvailableProperty().get(), "no correspondence: nothing to draw the flow from");
        model.denseProperty(DensePanel.FLOW).set(true);
        assertEquals(List.of(), model.figureProperty().get().densePanels(), "ticked but unavailable draws nothing");
        double plainHeight = model.figureProperty().get().heightPt();

        MatchFigureContent plain = content();
        RgbImage pixels = new RgbImage(200, 150, new byte[3 * 200 * 150]);
        model.contentProperty().set(plain.withDense(new DenseFigureImages(
                DenseFigurePanelsTest.expansion(plain.source(), plain.target()), pixels, pixels)));
        assertTrue(model.denseAvailableProperty().get());
        model.denseProperty(DensePanel.DIFFERENCE).set(true);
        MatchFigure figure = model.figureProperty().get();
        assertEquals(List.of(DensePanel.FLOW, DensePanel.DIFFERENCE), figure.densePanels());
        assertTrue(figure.heightPt() > plainHeight, "a row of panels under the pair");
        assertTrue(model.generatedCaptionProperty().get().contains("Middlebury"), "the caption explains the wheel");
        assertEquals(figure.captionText(), model.captionShownProperty().get(), "the editor shows what is drawn");
        assertNull(model.settings().captionText(), "the dense sentence is generated, not an edit");

        assertNotNull(model.export(folder.resolve("dense.png")));
        assertTrue(Files.size(folder.resolve("dense.png")) > 0);
        assertEquals(EnumSet.of(DensePanel.FLOW, DensePanel.DIFFERENCE), FigureSettings.load(preferences).densePanels());
        ExportFigureViewModel next = new ExportFigureViewModel(new ImmediateTaskRunner(), dialogs, preferences);
        assertTrue(next.denseProperty(DensePanel.FLOW).get() && !next.denseProperty(DensePanel.WARPED).get());
        next.resetAll();
        assertFalse(next.denseProperty(DensePanel.FLOW).get(), "off by default");
    }

    @Test
    void aNameWithoutAKnownExtensionGetsTheFormatsOne() {
        assertEquals(Path.of("out", "fig.pdf"), ExportFigureDialog.withExtension(Path.of("out", "fig"), FigureFormat.PDF));
        assertEquals(Path.of("fig.png"), ExportFigureDialog.withExtension(Path.of("fig.png"), FigureFormat.PDF));
    }

    private static MatchFigureContent content() {
        BufferedImage image = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        List<Match> matches = List.of(new Match(new PixelPoint(20, 30), new PixelPoint(40, 35), 0.9, true),
                new Match(new PixelPoint(120, 90), new PixelPoint(110, 80), 0.2, false));
        return new MatchFigureContent(image, image, new ImageRef(Path.of("source.png"), 200, 150),
                new ImageRef(Path.of("target.png"), 200, 150), matches, ConfidenceKind.PEAK_PROBABILITY,
                "source.png → target.png.", List.of(), null, List.of());
    }
}
