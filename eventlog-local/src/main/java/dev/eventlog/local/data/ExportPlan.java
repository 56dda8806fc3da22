package dev.eventlog.local.data;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.QueryScope;
import dev.eventlog.core.query.SortOrder;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.core.usecase.EventPage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The queries an export reads, in key order, each named by where it starts: a day; a range cut into slices of at
 * most {@value EventQuery#MAX_RANGE_DAYS} days (the longest one query may read); a user's whole history (their
 * index is in key order); or everything, read day by day. Everything is the one selection whose days are not
 * known beforehand: a first pass over the store's own order finds them (it keeps the dates, not the events), since
 * a scan is in no useful order.
 */
final class ExportPlan {

    /** Events one page reads. */
    static final int PAGE = EventQuery.MAX_LIMIT;

    /** One query of the plan, named by its start so a resume point can find it again. */
    record Part(String start, EventQuery query) {}

    private ExportPlan() {}

    static List<Part> parts(ExportSelection selection, EventLogService service) {
        String user = selection.user().orElse(null);
        List<Part> parts = new ArrayList<>();
        switch (selection.kind()) {
            case DAY -> parts.add(dayPart(selection.day(), user));
            case RANGE -> {
                EventTime start = selection.from();
                while (start.compareTo(selection.to()) < 0) {
                    EventTime limit = EventTime.at(start.instant().plus(Duration.ofDays(EventQuery.MAX_RANGE_DAYS)));
                    EventTime end = limit.compareTo(selection.to()) < 0 ? limit : selection.to();
                    parts.add(new Part(
                            start.dateText() + "T" + start.timeText(),
                            new EventQuery(new QueryScope.Range(start, end), user, null, SortOrder.ASC, PAGE)));
                    start = end;
                }
            }
            case EVERYTHING -> {
                if (user != null) {
                    parts.add(new Part(
                            "user", new EventQuery(new QueryScope.AllEvents(), user, null, SortOrder.ASC, PAGE)));
                } else {
                    for (LocalDate day : days(service)) {
                        parts.add(dayPart(day, null));
                    }
                }
            }
        }
        return parts;
    }

    private static Part dayPart(LocalDate day, String user) {
        return new Part(day.toString(), new EventQuery(new QueryScope.Day(day), user, null, SortOrder.ASC, PAGE));
    }

    /** Every date that holds an event, from a pass over all events in the store's order. */
    private static TreeSet<LocalDate> days(EventLogService service) {
        TreeSet<LocalDate> days = new TreeSet<>();
        EventQuery all = EventQuery.of(new QueryScope.AllEvents()).withLimit(PAGE);
        Optional<String> token = Optional.empty();
        do {
            EventPage page = service.list(all, token.orElse(null));
            for (EventRecord event : page.items()) {
                days.add(event.key().date());
            }
            token = page.nextToken();
        } while (token.isPresent());
        return days;
    }
}
