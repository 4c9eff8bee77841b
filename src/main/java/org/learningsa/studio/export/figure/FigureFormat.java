package org.learningsa.studio.export.figure;

import java.nio.file.Path;
import java.util.Locale;
import org.learningsa.studio.core.UserFacingException;

/** The file formats a figure is written in, chosen by the file name's extension. */
public enum FigureFormat {
    PNG("png"), SVG("svg"), PDF("pdf");

    private final String extension;

    FigureFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format of {@code file} by its extension, or one clear line naming the file and the formats. */
    public static FigureFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FigureFormat format : values()) {
            if (name.endsWith("." + format.extension)) {
                return format;
            }
        }
        throw new UserFacingException("cannot write figure " + file + ": unknown format (use a .png, .svg or .pdf name)");
    }
}
