package dev.eventlog.local.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's static files, read once from the jar. The table below is the whole list of what can be served:
 * a request path is looked up in it, never turned into a file or resource name, so no path can reach anything else.
 */
final class ConsoleFiles {

    private static final String HTML = "text/html; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    /** One file: its bytes and the {@code Content-Type} they are served with. */
    record StaticFile(byte[] body, String contentType) {}

    private final Map<String, StaticFile> byPath;

    private ConsoleFiles(Map<String, StaticFile> byPath) {
        this.byPath = byPath;
    }

    /** Reads every file of the console from the classpath; fails at start-up, not on a request, if one is missing. */
    static ConsoleFiles load() {
        Map<String, StaticFile> files = new LinkedHashMap<>();
        StaticFile index = read("index.html", HTML);
        files.put("/", index);
        files.put("/index.html", index);
        files.put("/console.css", read("console.css", CSS));
        files.put("/console.js", read("console.js", JAVASCRIPT));
        return new ConsoleFiles(Map.copyOf(files));
    }

    /** The file served at this raw request path, if any. */
    Optional<StaticFile> at(String rawPath) {
        return Optional.ofNullable(byPath.get(rawPath));
    }

    /** A JavaScript body, served with the same type as the console's own script. */
    static StaticFile script(String source) {
        return new StaticFile(source.getBytes(StandardCharsets.UTF_8), JAVASCRIPT);
    }

    private static StaticFile read(String name, String contentType) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console's file " + name + " is missing from the jar");
            }
            return new StaticFile(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's file " + name, e);
        }
    }
}
