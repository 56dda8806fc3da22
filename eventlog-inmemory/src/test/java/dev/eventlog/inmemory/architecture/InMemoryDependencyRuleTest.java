package dev.eventlog.inmemory.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule for this adapter: the JDK and the core only; no other adapter, no AWS. */
class InMemoryDependencyRuleTest {

    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.eventlog.inmemory");

    @Test
    void dependsOnTheCoreAndTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage("dev.eventlog.inmemory..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.eventlog.core..", "dev.eventlog.inmemory..")
                .check(STORE);
    }
}
