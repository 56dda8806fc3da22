package dev.eventlog.lambda;

/**
 * The X-Ray trace id of the current invocation, for the access log, so that a log line leads to its trace. Lambda's
 * Java runtime puts each invocation's trace header in the system property {@value #PROPERTY}, because a Java process
 * cannot change its own environment; the variable {@value #VARIABLE} holds only the header of the invocation the
 * environment was set up for. So the property comes first. No X-Ray SDK: the header is plain text.
 */
final class TraceId {

    static final String PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String VARIABLE = "_X_AMZN_TRACE_ID";
    private static final String ROOT = "Root=";

    private TraceId() {}

    /** The trace id of this invocation as the runtime gives it, or null when tracing gives none. */
    static String current() {
        return of(System.getProperty(PROPERTY), System.getenv(VARIABLE));
    }

    /**
     * The trace id in the first present header: its {@code Root} field ({@code 1-5759e988-bd862e3fe1be46a994272793},
     * the id X-Ray shows and searches by), or the whole header when it has no such field; null when neither is given.
     */
    static String of(String property, String variable) {
        String header = property != null && !property.isBlank() ? property : variable;
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String field : header.split(";")) {
            String trimmed = field.trim();
            if (trimmed.startsWith(ROOT) && trimmed.length() > ROOT.length()) {
                return trimmed.substring(ROOT.length());
            }
        }
        return header.trim();
    }
}
