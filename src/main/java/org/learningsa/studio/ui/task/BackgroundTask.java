package org.learningsa.studio.ui.task;

import java.util.Objects;
import java.util.function.Consumer;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;

/**
 * A piece of long work for the UI, described without JavaFX: the work itself (reporting through a
 * {@link ProgressListener}, stopping on its {@link CancelToken}) and what to do with its result.
 * A {@link TaskRunner} decides on which thread the work runs; the callbacks always run on the thread
 * the runner delivers results on (the JavaFX thread for {@link FxTaskRunner}).
 */
public final class BackgroundTask<T> {

    /** The work: may throw; {@link org.learningsa.studio.core.CancelledException} means it stopped on request. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressListener progress, CancelToken cancel) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = error -> { };
    private Runnable onCancelled = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    /** @param title what the work does, in words for the progress bar ("Aligning dog.jpg → horses.jpg") */
    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    public String title() {
        return title;
    }

    public Work<T> work() {
        return work;
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void cancelled() {
        onCancelled.run();
    }
}
