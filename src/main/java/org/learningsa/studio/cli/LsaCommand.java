package org.learningsa.studio.cli;

import org.learningsa.studio.core.AppInfo;
import picocli.CommandLine.Command;

/** The {@code lsa} command; every subcommand is registered here. */
@Command(name = "lsa",
        mixinStandardHelpOptions = true,
        versionProvider = LsaCommand.Version.class,
        description = "LearningSA Studio: dense semantic correspondences between two images (LearningSA, TCSVT 2024).%n"
                + "Without a command the desktop app opens.",
        subcommands = {
            GuiCommand.class,
            DoctorCommand.class,
            InspectCommand.class,
            InferCommand.class,
            BenchCommand.class,
            BenchCheckpointIoCommand.class,
            MatchCommand.class,
            BatchCommand.class,
            StyleCommand.class,
            BenchStyleCommand.class,
            ColorizeCommand.class,
            BenchColorizeCommand.class,
            EvalCommand.class,
            MorphCommand.class,
            BenchMorphCommand.class,
            BenchDenseCommand.class,
            TrainCommand.class,
            picocli.CommandLine.HelpCommand.class
        })
public final class LsaCommand implements Runnable {

    @Override
    public void run() {
        new GuiCommand().run();
    }

    /** Prints the application, Java and DJL versions for {@code --version}. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                AppInfo.NAME + " " + AppInfo.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "DJL " + ai.djl.engine.Engine.getDjlVersion() + ", PyTorch engine 2.7.1 (CPU natives from Maven Central)"
            };
        }
    }
}
