package dev.eventlog.client;

import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.port.EventLogPortContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The client honours the whole port contract against {@code serve --iam}, every request signed with SigV4. */
class SignedHttpEventLogContractTest extends EventLogPortContract {

    private static LocalApi api;
    private static HttpEventLog client;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.withIam();
        client = HttpEventLog.builder()
                .endpoint(api.endpoint())
                .region(Region.of(LocalApi.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalApi.ACCESS_KEY, LocalApi.SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Override
    protected EventLogPort createPort() {
        return client;
    }
}
