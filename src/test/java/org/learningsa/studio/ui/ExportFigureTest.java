package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.export.figure.Background;
import org.learningsa.studio.export.figure.FigureLayout;
import org.learningsa.studio.export.figure.FigureRenderer;
import org.learningsa.studio.export.figure.MatchFigure;
import org.learningsa.studio.ui.figure.ExportFigureViewModel;
import org.learningsa.studio.ui.figure.FigureSettings;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.learningsa.studio.ui.view.ZoomableImagePane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * File → Export figure… as a user drives it (headless, the app's default aligner): a live preview, and a
 * file that is the figure renderer's output (the same as {@code lsa match --figure}), not a screen grab.
 */
@ExtendWith(ApplicationExtension.class)
class ExportFigureTest {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final RecordingDialogService chooser = new RecordingDialogService();
    private StudioPreferences preferences;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/figure"));
        preferences.clear();
        // a synthetic model with known matches: the test is about the figure, not about a model's speed
        AlignerCatalog synthetic = new AlignerCatalog() {
            @Override
            public List<ModelChoice> available() {
                return List.of(new ModelChoice("synthetic", "synthetic test aligner", null));
            }

            @Override
            public org.learningsa.studio.align.Aligner load(ModelChoice choice,
                    org.learningsa.studio.core.ProgressListener progress, org.learningsa.studio.core.CancelToken cancel) {
                return new SyntheticAligner();
            }
        };
        window = new MainWindow(SamplePairs.installed(), synthetic, tasks, preferences,
                fx -> new ForwardingDialogService(fx, chooser));
        window.show(stage);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void dialogPreviewsAndExportsTheRenderersFigureNotAScreenGrab(FxRobot robot, @TempDir Path folder) throws Exception {
        runAndInspect(robot);
        robot.clickOn("#exportButton");
        WaitForAsyncUtils.waitForFxEvents();
        ImageView preview = robot.lookup("#figurePreview").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.getImage() != null);
        Image sideBySide = preview.getImage();
        assertTrue(sideBySide.getWidth() > sideBySide.getHeight(), "side by side is wider than tall");

        // the user switches to stacked, one column, 120 dpi: the preview follows
        robot.clickOn("#figureLayout").clickOn("stacked");
        robot.clickOn("#oneColumn");
        robot.doubleClickOn("#figureDpi .text-field").push(KeyCode.CONTROL, KeyCode.A).write("120").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> preview.getImage() != sideBySide && preview.getImage().getHeight() > preview.getImage().getWidth());
        ExportFigureViewModel model = window.figureModel();
        assertEquals(FigureLayout.STACKED, model.layoutProperty().get());
        assertEquals(120, model.dpiProperty().get());
        String size = robot.lookup("#figureSize").queryAs(Label.class).getText();
        assertTrue(size.startsWith("83 × ") && size.contains("392 × "), size);

        Path png = folder.resolve("figure.png");
        chooser.fileToSave = png;
        robot.clickOn("#exportFigure");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(png));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.exportingProperty().get());
        BufferedImage written = ImageIO.read(png.toFile());
        MatchFigure figure = model.figureProperty().get();
        BufferedImage rendered = FigureRenderer.raster(figure, 120, Background.WHITE);
        // 83 mm at 120 dpi = 392.1 px, whatever the size of the window or the screen
        assertEquals(392, written.getWidth());
        assertEquals(rendered.getHeight(), written.getHeight());
        assertEquals(0, differingPixels(rendered, written), "the file is the renderer's drawing, pixel for pixel");
        assertTrue(written.getWidth() != (int) window.pairView().getWidth(), "not the size of the view on screen");

        // the same figure as SVG: the view's matches as lines, the pair and the heatmap as images
        Path svg = folder.resolve("figure.svg");
        chooser.fileToSave = svg;
        robot.clickOn("#exportFigure");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(svg));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        int shown = window.displayViewModel().visibleMatchesProperty().get().size();
        assertEquals(shown, document.getElementsByTagNameNS(SVG, "line").getLength(), "one line per match on screen");
        assertEquals(3, document.getElementsByTagNameNS(SVG, "image").getLength(), "source, target, heatmap");
        // the caption wraps into one <text> per line, so words at a line break meet without a space
        String text = document.getDocumentElement().getTextContent().replaceAll("\\s+", "");
        assertTrue(text.contains("synthetictestaligner") && text.contains("Heatmap"), "caption names the model: " + text);

        // settings are remembered for the next figure
        robot.clickOn("#figureBackground").clickOn("transparent");
        robot.clickOn("#figureUnit").clickOn("in");
        robot.clickOn("#oneColumn");
        robot.clickOn("#figureScales");
        robot.clickOn("#closeFigure");
        WaitForAsyncUtils.waitForFxEvents();
        FigureSettings next = FigureSettings.load(preferences);
        assertEquals(Background.TRANSPARENT, next.background());
        assertEquals(3.268, next.width(), 1e-9, "83 mm in inches, as shown");
        assertEquals(83, next.widthMm(), 0.01);
        assertTrue(next.scales());
        ExportFigureViewModel reopened = new ExportFigureViewModel(tasks, chooser, preferences);
        assertEquals(Background.TRANSPARENT, reopened.backgroundProperty().get());
        assertEquals(FigureLayout.STACKED, reopened.layoutProperty().get());
        robot.clickOn("#exportButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("in", ((ChoiceBox<?>) robot.lookup("#figureUnit").query()).getValue().toString());
    }

    @Test
    void exportViewWritesTheFigureInTheFormatOfTheName(FxRobot robot, @TempDir Path folder) throws Exception {
        runAndInspect(robot);
        Path pdf = folder.resolve("view.pdf");
        robot.interact(() -> window.exportView(pdf));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(pdf));
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".notification.info").queryAll().isEmpty());
        try (var files = Files.list(folder)) {
            assertEquals(List.of(pdf), files.toList(), "no temporary file left");
        }
    }

    private void runAndInspect(FxRobot robot) throws Exception {
        ImageView source = robot.lookup("#sourceView").queryAs(ImageView.class);
        ImageView target = robot.lookup("#targetView").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> loaded(source.getImage()) && loaded(target.getImage()));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.mainViewModel().alignmentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ZoomableImagePane pane = robot.lookup("#sourcePane").queryAs(ZoomableImagePane.class);
        Point2D point = pane.localToScreen(pane.toPane(pane.imageWidth() * 0.5, pane.imageHeight() * 0.4));
        robot.clickOn(point);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(window.inspectorViewModel().inspectionProperty().get(), "a point is inspected");
    }

    private static boolean loaded(Image image) {
        return image != null && image.getProgress() >= 1.0 && !image.isError();
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
