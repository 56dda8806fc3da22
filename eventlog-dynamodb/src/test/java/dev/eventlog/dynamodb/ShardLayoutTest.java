package dev.eventlog.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A partition key names its day whatever its shard, and nothing else passes for a day's key. */
class ShardLayoutTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, 10, 42, 63})
    void everyShardsKey_namesItsDay(int shard) {
        String key = ShardLayout.partitionKey("2024-06-01", shard);
        assertEquals("2024-06-01", ShardLayout.dateTextOf(key), key);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#meta",
                "2024-06-01#",
                "2024-06-01#0",
                "2024-06-01#07",
                "2024-06-01#100",
                "2024-06-01#x",
                "2024-06-01#1x",
                "2024-06-01#\u0663",
                "2024-6-1#1"
            })
    void anythingElse_isNotADaysKey(String key) {
        assertNull(ShardLayout.dateTextOf(key), key);
    }
}
