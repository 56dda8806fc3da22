package dev.eventlog.client;

import dev.eventlog.http.MediaTypes;
import java.util.Locale;
import java.util.Optional;

/** What the API answered to one request: its status, the headers the client reads, and the body as text. */
record Answer(
        int status,
        Optional<String> contentType,
        Optional<String> retryAfter,
        Optional<String> errorType,
        String body) {

    /** Whether the body is an RFC 9457 problem document. */
    boolean isProblem() {
        return contentType
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith(MediaTypes.PROBLEM_JSON))
                .orElse(false);
    }

    /** Whether the body is one of the API's JSON documents (event, page, batch). */
    boolean isJson() {
        return contentType
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith(MediaTypes.JSON))
                .orElse(false);
    }

    /** The start of the body, for an error message: enough to recognise it, never a whole page. */
    String bodyExcerpt() {
        String text = body.replaceAll("\\p{Cntrl}", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
