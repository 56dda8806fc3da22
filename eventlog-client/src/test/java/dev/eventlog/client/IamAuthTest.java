package dev.eventlog.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.StoreConfigurationException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Against {@code serve --iam}: bad or missing credentials fail at once and clearly, and store nothing. */
class IamAuthTest {

    private static final EventRecord EVENT =
            EventRecord.derived(EventTime.parse("2030-01-02", "10:00:00"), "mallory", "login", Map.of());

    private static HttpEventLog signedWith(LocalApi api, String secret) {
        return HttpEventLog.builder()
                .endpoint(api.endpoint())
                .region(Region.of(LocalApi.REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalApi.ACCESS_KEY, secret)))
                .build();
    }

    @Test
    void aWrongSecret_isAConfigurationErrorAfterOneRequest_andStoresNothing() throws Exception {
        try (LocalApi api = LocalApi.withIam()) {
            StoreConfigurationException failure = assertThrows(
                    StoreConfigurationException.class,
                    () -> signedWith(api, "wrong").append(EVENT));

            assertTrue(failure.getMessage().contains("403"), failure.getMessage());
            assertEquals(1, api.accessLogLines().size(), String.join("\n", api.accessLogLines()));
            assertEquals(Optional.empty(), signedWith(api, LocalApi.SECRET_KEY).find(EVENT.key()));
        }
    }

    @Test
    void anUnsignedClient_isAConfigurationError() throws Exception {
        try (LocalApi api = LocalApi.withIam()) {
            HttpEventLog unsigned =
                    HttpEventLog.builder().endpoint(api.endpoint()).build();

            assertThrows(StoreConfigurationException.class, () -> unsigned.find(EVENT.key()));
            assertEquals(1, api.accessLogLines().size());
        }
    }
}
