package dev.eventlog.client.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The client knows the core, the API's contract, the JDK's HTTP client and the SDK's signing types only: no store, no
 * handler, no runner, and no SDK HTTP stack, so a service pulls in nothing it does not use.
 */
class ClientDependencyRuleTest {

    private static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.eventlog.client");

    @Test
    void dependsOnTheCoreTheContractAndSdkSigningOnly() {
        classes()
                .that()
                .resideInAPackage("dev.eventlog.client..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "dev.eventlog.core..",
                        "dev.eventlog.http..",
                        "dev.eventlog.client..",
                        "software.amazon.awssdk.auth.credentials..",
                        "software.amazon.awssdk.regions..",
                        "software.amazon.awssdk.http",
                        "software.amazon.awssdk.http.auth.aws.signer..",
                        "software.amazon.awssdk.http.auth.spi.signer..",
                        "software.amazon.awssdk.identity.spi..")
                .check(CLIENT);
    }
}
