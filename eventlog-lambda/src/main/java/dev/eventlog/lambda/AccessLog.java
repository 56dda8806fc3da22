package dev.eventlog.lambda;

import com.google.gson.JsonObject;
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
        JsonObject line = new JsonObject();
        line.addProperty("requestId", requestId);
        if (traceId != null) {
            line.addProperty("traceId", traceId);
        }
        line.addProperty("routeKey", routeKey);
        line.addProperty("method", method);
        line.addProperty("path", path);
        line.addProperty("status", status);
        line.addProperty("durationMs", durationMs);
        line.addProperty("itemCount", itemCount);
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            line.addProperty("error", trace.toString());
        }
        out.println(EventJsonWriter.text(line));
    }
}
