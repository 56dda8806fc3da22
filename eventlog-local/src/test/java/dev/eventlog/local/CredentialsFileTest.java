package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.local.auth.IamCredentials;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    @Test
    void iamKeysComeFromTheNamedProfileOfACredentialsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("credentials");
        Files.writeString(file, """
                [default]
                aws_access_key_id = AKIDDEFAULT
                aws_secret_access_key = secret-default

                [profile local]
                # a comment
                aws_access_key_id=AKIDLOCAL
                aws_secret_access_key=secret/local+1
                """);
        CommandLineParser parser = new CommandLineParser(Map.of());
        IamCredentials local = parser.parseServe(List.of(
                        "--iam",
                        "--iam-credentials-file",
                        file.toString(),
                        "--iam-profile",
                        "local",
                        "--region",
                        "eu-west-1"))
                .iam()
                .orElseThrow();
        assertEquals(new IamCredentials("AKIDLOCAL", "secret/local+1", "eu-west-1"), local);
        IamCredentials fallback = parser.parseServe(List.of("--iam", "--iam-credentials-file", file.toString()))
                .iam()
                .orElseThrow();
        assertEquals("AKIDDEFAULT", fallback.accessKeyId());
        assertEquals("us-east-1", fallback.region());

        UsageException missing = assertThrows(
                UsageException.class,
                () -> parser.parseServe(
                        List.of("--iam", "--iam-credentials-file", file.toString(), "--iam-profile", "absent")));
        assertTrue(missing.getMessage().contains("absent"));
    }

    @Test
    void iamKeysFallBackToTheEnvironment() throws Exception {
        CommandLineParser parser = new CommandLineParser(Map.of(
                "AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "env-secret", "AWS_REGION", "ap-northeast-1"));
        IamCredentials credentials = parser.parseServe(List.of("--iam")).iam().orElseThrow();
        assertEquals(new IamCredentials("AKIDENV", "env-secret", "ap-northeast-1"), credentials);
        assertTrue(!credentials.toString().contains("env-secret"));
    }

    @Test
    void iamAlone_usesTheDefaultProfileOfTheCredentialsFileInHome(@TempDir Path home) throws Exception {
        Path credentials = home.resolve(".aws").resolve("credentials");
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, """
                [default]
                aws_access_key_id = AKIDFROMHOME
                aws_secret_access_key = secret-from-home
                """);
        try (GatewayFixture api = GatewayFixture.echoIn(Map.of("HOME", home.toString()), "--iam")) {
            HttpResponse<String> signed = api.send(new SdkSigning("AKIDFROMHOME", "secret-from-home", "us-east-1")
                    .headerSigned("GET", api.uri("/events?limit=5"), Map.of(), ""));
            assertEquals(200, signed.statusCode(), signed.body());
            assertEquals(403, api.get("/events").statusCode());
            HttpResponse<String> wrongSecret = api.send(new SdkSigning("AKIDFROMHOME", "other", "us-east-1")
                    .headerSigned("GET", api.uri("/events"), Map.of(), ""));
            assertEquals(403, wrongSecret.statusCode());
            assertTrue(api.console().contains("AKIDFROMHOME"), api.console());
        }
    }

    @Test
    void iamAlone_prefersTheEnvironment_toTheCredentialsFile(@TempDir Path home) throws Exception {
        Path credentials = home.resolve(".aws").resolve("credentials");
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n");
        IamCredentials chosen = new CommandLineParser(Map.of(
                        "HOME", home.toString(), "AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "env-secret"))
                .parseServe(List.of("--iam"))
                .iam()
                .orElseThrow();
        assertEquals("AKIDENV", chosen.accessKeyId());
        Path shared = home.resolve("elsewhere");
        Files.writeString(shared, "[default]\naws_access_key_id = AKIDSHARED\naws_secret_access_key = s\n");
        assertEquals(
                "AKIDSHARED",
                new CommandLineParser(Map.of("HOME", home.toString(), "AWS_SHARED_CREDENTIALS_FILE", shared.toString()))
                        .parseServe(List.of("--iam"))
                        .iam()
                        .orElseThrow()
                        .accessKeyId());
    }

    @Test
    void iamAlone_withNoKeyPairAnywhere_saysWhereItLooked(@TempDir Path home) {
        UsageException none = assertThrows(
                UsageException.class,
                () -> new CommandLineParser(Map.of("HOME", home.toString())).parseServe(List.of("--iam")));
        assertTrue(
                none.getMessage()
                        .contains(home.resolve(".aws").resolve("credentials").toString()),
                none.getMessage());
        assertTrue(none.getMessage().contains("AWS_ACCESS_KEY_ID"), none.getMessage());
    }
}
