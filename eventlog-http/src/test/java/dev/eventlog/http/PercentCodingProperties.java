package dev.eventlog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What a client percent-encodes, the API's one decoding rule reads back as it was. */
class PercentCodingProperties {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).filter(PercentCodingProperties::wellFormed),
                Arbitraries.strings()
                        .withChars("+ %&=/?#:.~\u00e9\ud83d\ude00")
                        .ofMaxLength(12)
                        .filter(PercentCodingProperties::wellFormed));
    }

    @Property(tries = 500)
    void aQueryComponent_decodesToItself(@ForAll("texts") String text) {
        String encoded = PercentEncoding.queryComponent(text);

        assertTrue(encoded.matches("[A-Za-z0-9._~%-]*"), encoded);
        assertEquals(text, PercentDecoding.queryComponent(encoded));
    }

    @Property(tries = 500)
    void aPathSegment_decodesToItself_andStaysOneSegment(@ForAll("texts") String text) {
        String encoded = PercentEncoding.pathSegment(text);

        assertTrue(encoded.matches("[A-Za-z0-9._~:%-]*"), encoded);
        assertEquals(text, PercentDecoding.path(encoded));
    }

    @Example
    void aPlus_isSentEncoded_becauseTheQueryReadsABarePlusAsASpace() {
        assertEquals("a%2Bb%20c", PercentEncoding.queryComponent("a+b c"));
        assertEquals("a b", PercentDecoding.queryComponent("a+b"));
        assertEquals("a+b", PercentDecoding.path("a+b"));
    }

    @Example
    void dotSegments_areEncodedWhole_soNothingOnTheWayResolvesThem() {
        for (String dots : List.of(".", "..", "...")) {
            String encoded = PercentEncoding.pathSegment(dots);
            assertEquals("%2E".repeat(dots.length()), encoded);
            assertEquals(dots, PercentDecoding.path(encoded));
        }
        assertEquals("a.b", PercentEncoding.pathSegment("a.b"));
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
