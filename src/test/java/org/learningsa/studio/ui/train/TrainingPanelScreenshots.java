package org.learningsa.studio.ui.train;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.train.TrainingService;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Takes the README's screenshots of the panel during a real run (the issue-12 trainer on the training
 * fixture, hashed weights): run it under Xvfb with the test classpath,
 * {@code java -cp … org.learningsa.studio.ui.train.TrainingPanelScreenshots FIXTURE_DIR OUT_DIR STEPS [OVERLAY_RUN]}.
 * It writes {@code training-panel-data.png} once the data folder is read, then
 * {@code training-panel-curves.png} after STEPS steps while the run goes, then cancels (which saves).
 * With {@code watch=RUN_DIR} as STEPS it starts nothing and watches a run that goes elsewhere (a terminal's
 * {@code lsa train}), as Runs → Show a run folder… does, and shoots once two steps are logged.
 */
public final class TrainingPanelScreenshots {

    private static String[] arguments;

    /** The main class must not be an Application on the class path (JavaFX then demands modules). */
    public static void main(String[] args) {
        arguments = args;
        Application.launch(Shots.class, args);
    }

    public static final class Shots extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            shoot(stage);
        }
    }

    private static void shoot(Stage stage) throws Exception {
        Path fixture = Path.of(arguments[0]);
        Path out = Path.of(arguments[1]);
        Path watched = arguments[2].startsWith("watch=") ? Path.of(arguments[2].substring(6)) : null;
        int steps = watched != null ? 2 : Integer.parseInt(arguments[2]);
        Path runs = Files.createTempDirectory("lsa-shots");
        // LSA_SHOT_SCRIPTED=1 previews the layout with the tests' scripted trainer (never for the README's pictures)
        TrainingEngine engine = "1".equals(System.getenv("LSA_SHOT_SCRIPTED")) ? new ScriptedEngine(2, 100)
                : TrainingEngine.of(new TrainingService());
        TrainingViewModel viewModel = new TrainingViewModel(new FxTaskRunner(), engine,
                Platform::runLater, runs, new StateFileSettings());
        TrainingView view = new TrainingView(viewModel);
        Scene scene = new Scene(view.build(), 1400, 860);
        stage.setTitle("Train LearningSA on a dataset");
        stage.setScene(scene);
        stage.show();
        viewModel.benchmarkProperty().set(Benchmark.PF_PASCAL);
        viewModel.csvProperty().set(fixture.resolve("train_pairs.csv"));
        viewModel.dataFolderProperty().set(fixture);
        viewModel.startModelProperty().set(TrainingViewModel.StartModel.HASHED_WEIGHTS);
        viewModel.validationProperty().set(false);
        viewModel.deviceProperty().set(DeviceChoice.CPU);
        viewModel.maxStepsProperty().set(steps + 50);
        Thread driver = new Thread(() -> {
            try {
                waitFor(() -> viewModel.datasetProperty().get() != null, 60);
                Thread.sleep(3000); // thumbnails load in the background
                onFx(() -> view.tabs().getSelectionModel().select(1));
                Thread.sleep(1000);
                shoot(scene, out.resolve("training-panel-data.png"));
                onFx(() -> view.tabs().getSelectionModel().select(0));
                if (arguments.length > 3) {
                    onFx(() -> viewModel.showRuns(null, null));
                }
                if (watched != null) {
                    onFx(() -> viewModel.showRuns(watched, null));
                    waitFor(() -> viewModel.curves().curves().size() >= steps, 3600);
                    Thread.sleep(1500);
                    shoot(scene, out.resolve("training-panel-watching.png"));
                    return;
                }
                onFx(viewModel::start);
                if (arguments.length > 3) {
                    onFx(() -> viewModel.curves().overlayProperty().set(Path.of(arguments[3])));
                }
                waitFor(() -> viewModel.curves().curves().size() >= steps, 3600);
                Thread.sleep(1500);
                shoot(scene, out.resolve("training-panel-curves.png"));
                onFx(viewModel::cancel);
                waitFor(() -> !viewModel.runningProperty().get(), 600);
                Thread.sleep(500);
                shoot(scene, out.resolve("training-panel-cancelled.png"));
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
            }
        }, "screenshot-driver");
        driver.setDaemon(true);
        driver.start();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(200);
        }
    }

    private static void onFx(Runnable action) throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            action.run();
            done.complete(null);
        });
        done.get();
    }

    private static void shoot(Scene scene, Path file) throws Exception {
        java.util.concurrent.CompletableFuture<java.awt.image.BufferedImage> image = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> image.complete(SwingFXUtils.fromFXImage(scene.snapshot(null), null)));
        ImageIO.write(image.get(), "png", file.toFile());
        System.out.println("wrote " + file);
    }
}
