package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.FieldError;
import dev.eventlog.core.port.AppendOutcome;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.usecase.BatchResult;
import dev.eventlog.core.usecase.EventPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every document is written byte for byte as the API wrote it from a gson tree, and reads back as what was written:
 * the server's writers and a client's readers agree.
 */
class DocumentProperties {

    @Provide
    Arbitrary<EventRecord> events() {
        return Events.events();
    }

    @Provide
    Arbitrary<Optional<String>> tokens() {
        return Arbitraries.strings()
                .withChars("ABCxyz019-_")
                .ofMinLength(1)
                .ofMaxLength(40)
                .optional();
    }

    @Provide
    Arbitrary<List<AppendOutcome>> outcomes() {
        return Arbitraries.of(AppendOutcome.class).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 300)
    void anEvent_isWrittenAsTheTreeWas_andReadsBack(@ForAll("events") EventRecord event) {
        String text = EventJson.write(event);

        assertEquals(TreeForm.text(TreeForm.event(event)), text);
        assertEquals(event, EventJson.read(text));
    }

    @Property(tries = 100)
    void aPage_isWrittenAsTheTreeWas_andReadsBack(
            @ForAll @Size(max = 30) List<@net.jqwik.api.From("events") EventRecord> items,
            @ForAll("tokens") Optional<String> token) {
        EventPage page = new EventPage(items, token);
        String text = PageJson.write(page);

        assertEquals(TreeForm.text(TreeForm.page(page)), text);
        assertEquals(page, PageJson.read(text));
    }

    @Property(tries = 100)
    void aBatch_isWrittenAsTheTreeWas_andReadsBack(
            @ForAll("outcomes") List<AppendOutcome> outcomes, @ForAll("events") EventRecord event) {
        List<AppendResult> results = new ArrayList<>();
        for (AppendOutcome outcome : outcomes) {
            results.add(new AppendResult(event, outcome));
        }
        BatchResult batch = new BatchResult(results);
        String text = BatchJson.write(batch);

        assertEquals(TreeForm.text(TreeForm.batch(batch)), text);
        assertEquals(batch, BatchJson.read(text));
    }

    @Property(tries = 100)
    void aProblem_isWrittenAsTheTreeWas_andReadsBack(
            @ForAll ProblemType type,
            @ForAll("details") String detail,
            @ForAll @Size(max = 5) List<@net.jqwik.api.From("details") String> fields) {
        List<FieldError> errors = fields.stream()
                .map(field -> new FieldError(field, "is wrong: " + field))
                .toList();
        String text = ProblemJson.write(type, detail, errors);

        assertEquals(TreeForm.text(TreeForm.problem(type, detail, errors)), text);
        assertEquals(new Problem(type.uri(), type.title(), type.status(), detail, errors), ProblemJson.read(text));
    }

    @Provide
    Arbitrary<String> details() {
        return Events.text(60);
    }
}
