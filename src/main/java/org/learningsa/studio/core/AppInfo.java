package org.learningsa.studio.core;

/** Name and version of the application, read from the jar manifest when packaged. */
public final class AppInfo {

    public static final String NAME = "LearningSA Studio";

    private AppInfo() {
    }

    public static String version() {
        String version = AppInfo.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0-dev";
    }
}
