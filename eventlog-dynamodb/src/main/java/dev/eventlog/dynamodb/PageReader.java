package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.retention.RetentionPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads one page of a query: a user's events from the {@link UserIndex} (or, on a table without it, from the days
 * of the query's date or range with a filter), a day or range from the day partitions, or everything with a scan.
 * Every page has a {@link ReadBudget}; a page that spends it ends where reading stopped, with a resume key that says
 * that more may remain.
 */
final class PageReader {

    private final RetentionPolicy retention;
    private final ReadBudget.Limits limits;
    private final LongSupplier nanoClock;
    private final UserIndexReader userIndex;
    private final UserIndexPresence indexPresence;
    private final DayReader days;
    private final TableScan scan;

    PageReader(
            DynamoDbClient client,
            String tableName,
            ShardLayout layout,
            RetentionPolicy retention,
            ReadBudget.Limits limits,
            LongSupplier nanoClock) {
        this.retention = retention;
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.userIndex = new UserIndexReader(client, tableName);
        this.indexPresence = new UserIndexPresence(tableName, nanoClock);
        this.days = new DayReader(client, tableName, layout, new LegacyItems(client, tableName));
        this.scan = new TableScan(client, tableName);
    }

    Page read(
            EventQuery query,
            Optional<EventKey> after,
            TableMetadata.Facts facts,
            Function<EventKey, Map<String, AttributeValue>> storedKey) {
        ReadBudget budget = new ReadBudget(limits, nanoClock);
        if (query.userId() != null && indexPresence.worthTrying()) {
            PageCollector page = new PageCollector(query, after, retention);
            Optional<Page> read = indexPresence.ifPresent(() -> {
                userIndex.read(page, budget);
                return page.toPage();
            });
            if (read.isPresent()) {
                return read.get();
            }
        }
        if (query.scope() instanceof QueryScope.AllEvents) {
            if (query.userId() != null) {
                throw indexPresence.userQueryNeedsDates();
            }
            PageCollector page = new PageCollector(query, Optional.empty(), retention);
            scan.read(page, after, budget, ItemFilter.typeOnly(query), storedKey);
            return page.toPage();
        }
        PageCollector page = new PageCollector(query, after, retention);
        days.read(
                page,
                budget,
                facts,
                query.userId() != null ? ItemFilter.userAndType(query) : ItemFilter.typeOnly(query));
        return page.toPage();
    }
}
