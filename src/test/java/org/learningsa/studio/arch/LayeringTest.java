package org.learningsa.studio.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layering of ARCHITECTURE.md: logic free of UI, the torch reader free of DJL, the UI free of DJL. */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.learningsa.studio");

    @Test
    void logicPackagesDoNotDependOnTheUi() {
        noClasses().that().resideOutsideOfPackages("..ui..", "..cli..")
                .should().dependOnClassesThat().resideInAnyPackage("..studio.ui..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void torchReaderIsPlainJava() {
        noClasses().that().resideInAPackage("..studio.torch..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "..studio.engine..", "..studio.align..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void uiDoesNotTouchDjl() {
        noClasses().that().resideInAPackage("..studio.ui..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(CLASSES);
    }

    @Test
    void cliDoesNotDependOnTheUiExceptToLaunchIt() {
        noClasses().that().resideInAPackage("..studio.cli..").and().doNotHaveSimpleName("GuiCommand")
                .should().dependOnClassesThat().resideInAPackage("..studio.ui..")
                .check(CLASSES);
    }
}
