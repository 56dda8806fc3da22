package dev.eventlog.local;

import static dev.eventlog.local.RunnerOption.*;

import dev.eventlog.core.retention.RetentionPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The store options every command that opens a store shares, checked together (which store, where, how). */
final class StoreOptionsParser {

    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-\\d+|local");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private final Map<String, String> environment;

    StoreOptionsParser(Map<String, String> environment) {
        this.environment = environment;
    }

    StoreOptions parse(ParsedArgs in) throws UsageException {
        StoreOptions.Kind kind = StoreOptions.Kind.MEMORY;
        if (in.value(STORE).isPresent()) {
            String value = in.value(STORE).get();
            kind = switch (value) {
                case "memory" -> StoreOptions.Kind.MEMORY;
                case "dynamodb" -> StoreOptions.Kind.DYNAMODB;
                default -> throw new UsageException("--store must be 'memory' or 'dynamodb', got '" + value + "'");
            };
        }
        return parse(in, kind);
    }

    StoreOptions parse(ParsedArgs in, StoreOptions.Kind kind) throws UsageException {
        Optional<String> table = in.value(TABLE);
        if (table.isPresent() && !TABLE_NAME.matcher(table.get()).matches()) {
            throw new UsageException(
                    "--table must be 3-255 letters, digits, '_', '-' or '.', got '" + table.get() + "'");
        }
        Optional<URI> endpoint = in.value(ENDPOINT_URL).isPresent()
                ? Optional.of(endpoint(in.value(ENDPOINT_URL).get()))
                : Optional.empty();
        Optional<String> region = in.value(REGION);
        if (region.isPresent() && !REGION_NAME.matcher(region.get()).matches()) {
            throw new UsageException("--region must look like 'us-east-1', got '" + region.get() + "'");
        }
        int retentionDays = 0;
        if (in.value(RETENTION_DAYS).isPresent()) {
            try {
                retentionDays = RetentionPolicy.parseDays(
                                RETENTION_DAYS.name, in.value(RETENTION_DAYS).get(), Clock.systemUTC())
                        .days();
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Optional<Integer> writeShards = in.value(WRITE_SHARDS).isPresent()
                ? Optional.of(
                        OptionValues.intIn(WRITE_SHARDS, in.value(WRITE_SHARDS).get(), 1, 64))
                : Optional.empty();
        boolean createTable = in.has(CREATE_TABLE);
        Optional<Path> data = OptionValues.nonBlankValue(in, DATA_FILE).map(Path::of);
        if (kind == StoreOptions.Kind.MEMORY
                && (table.isPresent() || endpoint.isPresent() || createTable || writeShards.isPresent())) {
            throw new UsageException(
                    "--table, --endpoint-url, --create-table and --write-shards need --store dynamodb");
        }
        if (kind == StoreOptions.Kind.DYNAMODB && data.isPresent()) {
            throw new UsageException(
                    "--data keeps the in-memory store in a file; it cannot be combined with" + " --store dynamodb");
        }
        String resolvedRegion = region.or(() -> env("AWS_REGION"))
                .or(() -> env("AWS_DEFAULT_REGION"))
                .orElse("us-east-1");
        return new StoreOptions(
                kind,
                table.orElse(StoreOptions.DEFAULT_TABLE),
                endpoint,
                resolvedRegion,
                createTable,
                writeShards.orElse(1),
                retentionDays,
                data);
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    private static URI endpoint(String value) throws UsageException {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException(
                "--endpoint-url must be an http(s) URL such as http://localhost:8000, got '" + value + "'");
    }
}
