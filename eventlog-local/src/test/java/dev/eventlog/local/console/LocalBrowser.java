package dev.eventlog.local.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a program of the machine's own browser by path, so that nothing is looked up or downloaded while tests
 * run: the environment variable that names it, else the first of its names on the PATH, else in /usr/bin.
 */
final class LocalBrowser {

    private LocalBrowser() {}

    static Optional<Path> find(String variable, List<String> names) {
        String named = System.getenv(variable);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : names) {
            for (String directory : (searchPath + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
                if (!directory.isEmpty()) {
                    Path candidate = Path.of(directory, name);
                    if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
