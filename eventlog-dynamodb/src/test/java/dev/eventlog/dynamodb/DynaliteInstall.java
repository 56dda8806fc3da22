package dev.eventlog.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the dynalite version pinned in {@code eventlog-dynamodb/package-lock.json} with {@code npm ci}, unless
 * {@code node_modules} already matches it. Run by the Maven build before the tests, and by {@link DynaliteServer}
 * when another module's tests need the server.
 */
public final class DynaliteInstall {

    private static final int MIN_NODE_MAJOR = 20;
    private static final String INSTALL_NODE =
            "The DynamoDB tests run against dynalite, which needs Node.js " + MIN_NODE_MAJOR
                    + " or newer with npm on the PATH. Install them (for example 'apt-get install nodejs npm', or from nodejs.org) and build again.";

    private DynaliteInstall() {}

    /** Maven entry point: the only argument is the eventlog-dynamodb module directory. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DynaliteInstall <eventlog-dynamodb directory>");
        }
        ensureInstalled(Path.of(args[0]).toAbsolutePath());
    }

    /** The dynalite command-line entry point inside the module, installed first if it is missing or stale. */
    public static synchronized Path ensureInstalled(Path moduleDir) {
        Path cli = moduleDir.resolve("node_modules/dynalite/cli.js");
        // A file lock, because the builds of two modules may install at the same time.
        try (FileChannel channel = FileChannel.open(
                        Path.of(System.getProperty("java.io.tmpdir"), "eventlog-dynalite-install.lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!upToDate(moduleDir)) {
                checkNode();
                run(moduleDir, List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not install dynalite in " + moduleDir, e);
        }
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(
                    "npm ci finished but " + cli + " is missing; check " + moduleDir.resolve("package.json"));
        }
        return cli;
    }

    /** npm ci records what it installed in node_modules/.package-lock.json; newer than both manifests means current. */
    private static boolean upToDate(Path moduleDir) throws IOException {
        Path installed = moduleDir.resolve("node_modules/.package-lock.json");
        Path cli = moduleDir.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(installed) || !Files.isRegularFile(cli)) {
            return false;
        }
        long installedAt = Files.getLastModifiedTime(installed).toMillis();
        return installedAt
                        >= Files.getLastModifiedTime(moduleDir.resolve("package-lock.json"))
                                .toMillis()
                && installedAt
                        >= Files.getLastModifiedTime(moduleDir.resolve("package.json"))
                                .toMillis();
    }

    private static void checkNode() {
        String version;
        try {
            Process node = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IllegalStateException("'node --version' failed (" + version + "). " + INSTALL_NODE);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Node.js was not found: " + e.getMessage() + ". " + INSTALL_NODE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking for Node.js", e);
        }
        String major = version.replaceFirst("^v", "").replaceFirst("\\..*$", "");
        if (!major.matches("\\d+") || Integer.parseInt(major) < MIN_NODE_MAJOR) {
            throw new IllegalStateException("Node.js " + version + " is too old. " + INSTALL_NODE);
        }
    }

    private static void run(Path dir, List<String> command, int timeoutSeconds) {
        String shown = String.join(" ", command);
        Path log = null;
        try {
            // Output goes to a file, not to this JVM's own streams, which a test runner may be reading.
            log = Files.createTempFile("eventlog-npm-", ".log");
            System.out.println("[dynalite] " + shown + " in " + dir);
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(shown + " did not finish within " + timeoutSeconds + " s in " + dir
                        + ":\n" + Files.readString(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(shown + " failed with exit code " + process.exitValue() + " in " + dir
                        + ":\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not run '" + shown + "': " + e.getMessage() + ". " + INSTALL_NODE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + shown, e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // A leftover log in the temp directory is harmless.
                }
            }
        }
    }
}
