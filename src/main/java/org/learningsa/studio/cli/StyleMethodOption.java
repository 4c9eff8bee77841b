package org.learningsa.studio.cli;

import java.util.List;
import java.util.Locale;
import org.learningsa.studio.apps.style.StyleMethod;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code --method} option of {@code lsa style} and {@code lsa bench-style}: its values and the options only each method takes. */
final class StyleMethodOption {

    /** Options of the colour method: naming one with --method patches is a usage error, not silently ignored. */
    private static final List<String> COLOUR_ONLY = List.of("--window", "--smoothness", "--texture");

    private StyleMethodOption() {
    }

    static void requireOwnOptions(StyleMethod method, CommandSpec spec) {
        List<String> foreign = method == StyleMethod.PATCHES ? COLOUR_ONLY : PatchOptions.NAMES;
        StyleMethod other = method == StyleMethod.PATCHES ? StyleMethod.COLOUR : StyleMethod.PATCHES;
        for (String option : foreign) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        option + " applies to --method " + other + " only, not to --method " + method);
            }
        }
    }

    /** patches | colour (and the American "color"). */
    static final class Converter implements CommandLine.ITypeConverter<StyleMethod> {
        @Override
        public StyleMethod convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "patches", "patch" -> StyleMethod.PATCHES;
                case "colour", "color" -> StyleMethod.COLOUR;
                default -> throw new CommandLine.TypeConversionException(
                        "--method must be patches or colour, got '" + value + "'");
            };
        }
    }
}
