package dev.eventlog.core.domain;

import java.util.List;

/**
 * What a draft makes once checked: the event it describes ({@link Valid}) or every rule it breaks ({@link Invalid}),
 * so the values it parsed to find its errors are the ones the event is built from.
 */
public sealed interface Validated permits Validated.Valid, Validated.Invalid {

    /** Every rule the draft breaks, field by field; empty when it made an event. */
    List<FieldError> errors();

    /** The event; {@link InvalidInputException} naming every broken rule when there is none. */
    EventRecord orThrow();

    /** The draft made this event. */
    record Valid(EventRecord event) implements Validated {

        @Override
        public List<FieldError> errors() {
            return List.of();
        }

        @Override
        public EventRecord orThrow() {
            return event;
        }
    }

    /** The draft breaks these rules (at least one). */
    record Invalid(List<FieldError> errors) implements Validated {

        public Invalid {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid draft breaks at least one rule");
            }
            errors = List.copyOf(errors);
        }

        @Override
        public EventRecord orThrow() {
            throw new InvalidInputException(errors);
        }
    }
}
