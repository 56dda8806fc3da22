package dev.eventlog.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule: the core knows only the JDK, never AWS, gson, the HTTP contract or an adapter. */
class CoreDependencyRuleTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.eventlog.core");

    @Test
    void coreDependsOnTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage("dev.eventlog.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.eventlog.core..")
                .check(CORE);
    }

    @Test
    void domainDoesNotDependOnPortsOrUseCases() {
        classes()
                .that()
                .resideInAPackage("dev.eventlog.core.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.eventlog.core.domain..")
                .check(CORE);
    }
}
