package dev.eventlog.lambda.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The deployable stays thin: the handler, its JSON mapping and its production wiring on DynamoDB. It never reaches
 * the local runner, the in-memory store or the JDK's HTTP server, which belong to the laptop tool.
 */
class LambdaDependencyRuleTest {

    private static final JavaClasses FUNCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.eventlog.lambda");

    @Test
    void neverDependsOnTheLocalRunnerTheInMemoryStoreOrAnHttpServer() {
        noClasses()
                .that()
                .resideInAPackage("dev.eventlog.lambda..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.eventlog.local..", "dev.eventlog.inmemory..", "com.sun.net.httpserver..")
                .check(FUNCTION);
    }

    @Test
    void reachesTheStoreOnlyThroughThePortExceptInTheWiring() {
        noClasses()
                .that()
                .resideInAPackage("dev.eventlog.lambda..")
                .and()
                .doNotHaveSimpleName("FunctionWiring")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.eventlog.dynamodb..", "software.amazon.awssdk..")
                .check(FUNCTION);
    }
}
