package org.learningsa.studio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README points at the repository's licence; the file must exist and be the one it names (Apache-2.0). */
class RepositoryLicenceTest {

    private final Path project = Path.of(System.getProperty("lsa.project", "."));

    @Test
    void theRepositoryCarriesTheApacheLicenceTheReadmeNames() throws IOException {
        Path licence = project.resolve("LICENSE");
        assertTrue(Files.isRegularFile(licence), "no LICENSE file in " + project.toAbsolutePath());
        String text = Files.readString(licence, StandardCharsets.UTF_8);
        assertTrue(text.contains("Apache License") && text.contains("Version 2.0, January 2004"),
                "LICENSE is not the Apache License 2.0");
        assertTrue(text.contains("END OF TERMS AND CONDITIONS"), "LICENSE is cut short");
        String readme = Files.readString(project.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("[LICENSE](LICENSE)") && readme.contains("Apache-2.0"),
                "README's licence section must link LICENSE and name Apache-2.0");
    }
}
