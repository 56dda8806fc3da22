package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventIds;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventTime;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Where an event's item lives when a day's writes are spread over {@code N} partition keys, because DynamoDB takes at
 * most 1,000 writes per second on one partition key. Shard {@code k} of an event is the first four bytes of
 * SHA-256 of its range key ({@code HH:mm:ss.SSS#<eventId>}, its time and id together), unsigned, modulo N; shard 0's
 * partition key is the plain {@code YYYY-MM-DD} (so one shard is exactly the original system's layout) and shard k's
 * is {@code YYYY-MM-DD#k}.
 *
 * <p>This is layout {@value #VERSION}. Layout 1 hashed the id alone, which put every event of the same content (a
 * derived id leaves the time out) on one shard: a heartbeat or a poller defeated the sharding. A table records the
 * layout it was written with (see {@link TableMetadata}); with one shard both layouts are the same.
 */
record ShardLayout(int shards) {

    static final int MIN_SHARDS = 1;
    static final int MAX_SHARDS = 64;
    /** The rule this class applies: 2, the time and id together. */
    static final int VERSION = 2;

    ShardLayout {
        if (shards < MIN_SHARDS || shards > MAX_SHARDS) {
            throw new IllegalArgumentException(
                    "writeShards must be from " + MIN_SHARDS + " to " + MAX_SHARDS + " (got " + shards + ")");
        }
    }

    int shardOf(EventKey key) {
        if (shards == 1) {
            return 0;
        }
        byte[] digest = EventIds.sha256(RangeKeys.of(key).getBytes(StandardCharsets.UTF_8));
        long unsigned = ByteBuffer.wrap(digest, 0, 4).getInt() & 0xFFFF_FFFFL;
        return (int) (unsigned % shards);
    }

    /** The partition key of one shard of a day. */
    static String partitionKey(String dateText, int shard) {
        return shard == 0 ? dateText : dateText + "#" + shard;
    }

    String partitionKeyOf(EventKey key) {
        return partitionKey(key.dateText(), shardOf(key));
    }

    /** The date a partition key names, whatever its shard; null when the key is not a day's (the metadata item's). */
    static String dateTextOf(String partitionKey) {
        int hash = partitionKey.indexOf('#');
        if (hash < 0) {
            return partitionKey;
        }
        // A shard number is 1 to 63: one or two digits, no leading zero. Checked by hand: this runs for every item
        // read.
        int digits = partitionKey.length() - hash - 1;
        boolean shard = hash == 10
                && (digits == 1 || digits == 2)
                && partitionKey.charAt(hash + 1) >= '1'
                && partitionKey.charAt(hash + 1) <= '9'
                && (digits == 1 || (partitionKey.charAt(hash + 2) >= '0' && partitionKey.charAt(hash + 2) <= '9'));
        return shard ? partitionKey.substring(0, hash) : null;
    }

    // The core's digit-by-digit writer: a day read formats its date for every response it reads, and String.format
    // took about 0.2 ms of a 100-event page.
    static String dateText(LocalDate date) {
        return new EventTime(date, LocalTime.MIDNIGHT).dateText();
    }
}
