package dev.eventlog.http.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The contract knows the core and gson, nothing else: no AWS type, no adapter, no handler, so the function, the local
 * runner, the CDK construct and a client can all depend on it.
 */
class HttpDependencyRuleTest {

    private static final JavaClasses CONTRACT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.eventlog.http");

    @Test
    void dependsOnTheJdkTheCoreAndGsonOnly() {
        classes()
                .that()
                .resideInAPackage("dev.eventlog.http..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.eventlog.core..", "dev.eventlog.http..", "com.google.gson..")
                .check(CONTRACT);
    }
}
