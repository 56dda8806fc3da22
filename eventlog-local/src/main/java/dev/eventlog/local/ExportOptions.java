package dev.eventlog.local;

import dev.eventlog.core.domain.EventTime;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.local.data.ExportSelection;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything {@code export} was told: which events, where to write them, where to resume, and the store. */
public record ExportOptions(
        ExportSelection selection, Optional<Path> out, Optional<String> resume, StoreOptions store) {

    static ExportOptions from(
            Optional<String> date,
            Optional<String> from,
            Optional<String> to,
            Optional<String> user,
            Optional<Path> out,
            Optional<String> resume,
            StoreOptions store)
            throws UsageException {
        if (date.isPresent() && (from.isPresent() || to.isPresent())) {
            throw new UsageException("--date cannot be combined with --from and --to; give one day or one range");
        }
        if (from.isPresent() != to.isPresent()) {
            throw new UsageException(
                    (from.isPresent() ? "--from needs --to" : "--to needs --from") + ": a range has both ends");
        }
        ExportSelection selection;
        if (date.isPresent()) {
            List<FieldError> errors = new ArrayList<>();
            LocalDate day = EventTime.parseDate("--date", date.get(), errors);
            if (day == null) {
                throw new UsageException(
                        errors.get(0).field() + " " + errors.get(0).message());
            }
            selection = ExportSelection.day(day, user);
        } else if (from.isPresent()) {
            EventTime start = instant("--from", from.get());
            EventTime end = instant("--to", to.get());
            if (start.compareTo(end) >= 0) {
                throw new UsageException("--to must be later than --from");
            }
            selection = ExportSelection.range(start, end, user);
        } else {
            selection = ExportSelection.everything(user);
        }
        return new ExportOptions(selection, out, resume, store);
    }

    /** {@code YYYY-MM-DD} or {@code YYYY-MM-DDTHH:mm:ss[.SSS]}, with an optional {@code Z}: a UTC instant. */
    private static EventTime instant(String option, String text) throws UsageException {
        String value = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        int t = value.indexOf('T');
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = EventTime.parseDate(option, t < 0 ? value : value.substring(0, t), errors);
        LocalTime time = t < 0 ? LocalTime.MIDNIGHT : EventTime.parseTime(option, value.substring(t + 1), errors);
        if (!errors.isEmpty()) {
            throw new UsageException(
                    option + " must be a UTC instant YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss.SSS, got '" + text + "'");
        }
        return new EventTime(day, time);
    }
}
