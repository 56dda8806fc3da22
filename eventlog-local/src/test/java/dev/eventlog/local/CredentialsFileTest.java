package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.local.auth.IamCredentials;
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
        IamCredentials local = parser.parseServe(List.of("--iam", "--iam-credentials-file", file.toString(),
                "--iam-profile", "local", "--region", "eu-west-1")).iam().orElseThrow();
        assertEquals(new IamCredentials("AKIDLOCAL", "secret/local+1", "eu-west-1"), local);
        IamCredentials fallback = parser.parseServe(List.of("--iam", "--iam-credentials-file", file.toString()))
                .iam().orElseThrow();
        assertEquals("AKIDDEFAULT", fallback.accessKeyId());
        assertEquals("us-east-1", fallback.region());

        UsageException missing = assertThrows(UsageException.class, () -> parser.parseServe(List.of("--iam",
                "--iam-credentials-file", file.toString(), "--iam-profile", "absent")));
        assertTrue(missing.getMessage().contains("absent"));
    }

    @Test
    void iamKeysFallBackToTheEnvironment() throws Exception {
        CommandLineParser parser = new CommandLineParser(Map.of("AWS_ACCESS_KEY_ID", "AKIDENV",
                "AWS_SECRET_ACCESS_KEY", "env-secret", "AWS_REGION", "ap-northeast-1"));
        IamCredentials credentials = parser.parseServe(List.of("--iam")).iam().orElseThrow();
        assertEquals(new IamCredentials("AKIDENV", "env-secret", "ap-northeast-1"), credentials);
        assertTrue(!credentials.toString().contains("env-secret"));
    }
}
