package dev.eventlog.infra;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a configuration, so that all of them are reported together rather than the first. */
final class Problems {

    private final List<String> found = new ArrayList<>();

    /** A problem with one named value: a prop, which is also the context key of the same name. */
    void add(String name, String message) {
        found.add("'" + name + "' " + message);
    }

    /** A problem that concerns several values together. */
    void add(String message) {
        found.add(message);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws when any problem was found, naming all of them under the heading. */
    void throwIfAny(String heading) {
        if (!found.isEmpty()) {
            throw new InvalidConfigurationException(heading, found);
        }
    }
}
