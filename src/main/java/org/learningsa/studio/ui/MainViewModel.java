package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;

/** State of the main window: the pair on screen and what the status bar says. No JavaFX nodes here. */
public final class MainViewModel {

    private final ObjectProperty<Path> sourcePath = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> targetPath = new SimpleObjectProperty<>();
    private final StringProperty engineStatus = new SimpleStringProperty("Engine: starting…");
    private final StringProperty deviceStatus = new SimpleStringProperty("Device: –");
    private final StringProperty modelStatus = new SimpleStringProperty("Model: weight-free default (not semantic)");
    private final List<SamplePair> samplePairs;

    public MainViewModel() {
        this(SamplePairs.installed());
    }

    public MainViewModel(List<SamplePair> samplePairs) {
        this.samplePairs = List.copyOf(samplePairs);
        if (!samplePairs.isEmpty()) {
            openSample(samplePairs.get(0));
        }
    }

    public void openSample(SamplePair pair) {
        sourcePath.set(pair.source());
        targetPath.set(pair.target());
    }

    public void swap() {
        Path source = sourcePath.get();
        sourcePath.set(targetPath.get());
        targetPath.set(source);
    }

    public List<SamplePair> samplePairs() {
        return samplePairs;
    }

    public ObjectProperty<Path> sourcePathProperty() {
        return sourcePath;
    }

    public ObjectProperty<Path> targetPathProperty() {
        return targetPath;
    }

    public StringProperty engineStatusProperty() {
        return engineStatus;
    }

    public StringProperty deviceStatusProperty() {
        return deviceStatus;
    }

    public StringProperty modelStatusProperty() {
        return modelStatus;
    }
}
