package dev.eventlog.lambda;

import dev.eventlog.http.JsonText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One JSON line per request on standard output, which Lambda sends to CloudWatch Logs: who asked what and how
 * it went, never a body. A failure's stack trace rides in the same line, so one request stays one log event.
 */
final class AccessLog {

    private final PrintStream out;

    AccessLog(PrintStream out) {
        this.out = out;
    }

    /** Writes the request's line; {@code traceId} is the invocation's X-Ray trace id, or null when tracing gave none. */
    void write(
            String requestId,
            String traceId,
            String routeKey,
            String method,
            String path,
            int status,
            long durationMs,
            int itemCount,
            Throwable failure) {
        String error = null;
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            error = trace.toString();
        }
        String stackTrace = error;
        // Members whose value is null are left out of the line.
        out.println(JsonText.write(line -> {
            line.beginObject();
            line.name("requestId").value(requestId);
            line.name("traceId").value(traceId);
            line.name("routeKey").value(routeKey);
            line.name("method").value(method);
            line.name("path").value(path);
            line.name("status").value(status);
            line.name("durationMs").value(durationMs);
            line.name("itemCount").value(itemCount);
            line.name("error").value(stackTrace);
            line.endObject();
        }));
    }
}
