package dev.eventlog.local.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The runner puts the deployed handler behind a gateway; the handler and the stores never know about it, and the
 * stores know nothing of the HTTP API either.
 */
class LocalDependencyRuleTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.eventlog");

    @Test
    void nothingOutsideTheRunnerDependsOnIt() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.eventlog.local..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.eventlog.local..")
                .check(ALL);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.eventlog.inmemory..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.eventlog.dynamodb..", "dev.eventlog.lambda..", "dev.eventlog.http..")
                .check(ALL);
        noClasses()
                .that()
                .resideInAPackage("dev.eventlog.dynamodb..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.eventlog.inmemory..", "dev.eventlog.lambda..", "dev.eventlog.http..")
                .check(ALL);
    }
}
