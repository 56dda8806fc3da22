package dev.eventlog.dynamodb;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventTime;
import java.time.LocalTime;

/**
 * Texts of the table's range key and the index's sort key, and the bounds that make a key condition exclusive.
 * DynamoDB's key conditions have no exclusive bound beside an upper one ({@code BETWEEN} is inclusive at both ends),
 * so a page that resumes after a key asks for everything from the next possible key instead. Every key after the
 * time holds {@code #} and an id of ASCII characters from {@code -} (the lowest) to {@code ~} (the highest), which
 * makes the next and the previous possible key computable.
 */
final class RangeKeys {

    /** The lowest character an id may hold. */
    private static final char LOWEST_ID_CHAR = '-';
    /** Above every character an id may hold ('~' is the highest), and still one byte in UTF-8. */
    private static final char ABOVE_ID_CHARS = '\u007f';
    /** Sorts after every range key of its millisecond: they hold nothing after the time but '#' and an id. */
    private static final char AFTER_MILLISECOND = '$';

    private RangeKeys() {}

    /** The range key of an event written with its id: {@code HH:mm:ss.SSS#<eventId>}. */
    static String of(EventKey key) {
        return key.timeText() + "#" + key.eventId();
    }

    /**
     * The lowest range key of a millisecond: {@code HH:mm:ss} for a whole second (the original system accepted
     * times without milliseconds, and that form sorts just before every other of the same second), else
     * {@code HH:mm:ss.SSS}.
     */
    static String lowest(EventTime at) {
        LocalTime time = at.time();
        String text = at.timeText();
        return time.getNano() == 0 ? text.substring(0, 8) : text;
    }

    /** A text above every range key of the millisecond and below every key of the next one. */
    static String highest(EventTime at) {
        return at.timeText() + AFTER_MILLISECOND;
    }

    /**
     * The lowest possible key above {@code key}, for an inclusive lower bound that leaves {@code key} out: nothing
     * an id may hold sorts between {@code key} and {@code key} followed by the lowest id character.
     */
    static String after(String key) {
        return key + LOWEST_ID_CHAR;
    }

    /**
     * A text below {@code key} and above every possible key below it, for an inclusive upper bound that leaves
     * {@code key} out: its last character lowered by one, followed by a character above every id character.
     */
    static String before(String key) {
        int last = key.length() - 1;
        return key.substring(0, last) + (char) (key.charAt(last) - 1) + ABOVE_ID_CHARS;
    }

    /** True when the range key holds no id: an item of the original system or of a version before event ids. */
    static boolean withoutId(String rangeKey) {
        return rangeKey.indexOf('#') < 0;
    }

    /**
     * The event key a range key names on {@code dateText}, or null when it names none exactly: a key without an id
     * (whose derived id only the item holds) or text that is not an event's.
     */
    static EventKey keyOf(String dateText, String rangeKey) {
        int hash = rangeKey == null ? -1 : rangeKey.indexOf('#');
        if (hash != 12) {
            return null;
        }
        try {
            return EventKey.parse(dateText, rangeKey.substring(0, hash), rangeKey.substring(hash + 1));
        } catch (dev.eventlog.core.domain.InvalidInputException e) {
            return null;
        }
    }
}
