package dev.eventlog.dynamodb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule for this adapter: the core, the AWS SDK and the JDK; never another adapter or an entry point. */
class DynamoDbDependencyRuleTest {

    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.eventlog.dynamodb");

    @Test
    void dependsOnTheCoreTheSdkAndTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage("dev.eventlog.dynamodb..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "dev.eventlog.core..", "dev.eventlog.dynamodb..", "software.amazon.awssdk..")
                .check(STORE);
    }

    @Test
    void neverReachesTheSdksNettyOrApacheClients() {
        noClasses()
                .that()
                .resideInAPackage("dev.eventlog.dynamodb..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon.awssdk.http.nio..", "software.amazon.awssdk.http.apache..", "io.netty..")
                .check(STORE);
    }
}
