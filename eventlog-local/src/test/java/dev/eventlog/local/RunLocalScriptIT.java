package dev.eventlog.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run-local.sh}, as users run it: the first {@code invoke} after a build records a start-up cache beside the
 * jar for the JDK it runs on (AppCDS before JDK 24, the JDK's ahead-of-time cache from 25), later runs use it, each
 * JDK keeps its own, and a cache that is stale or unusable never makes a run fail. Standard output carries the
 * responses only, whatever the JVM has to say about its cache.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RunLocalScriptIT {

    private static final String BODY = "{\"userId\":\"alice\",\"eventType\":\"login\"}";
    private static final Path NEWER_JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private static Path root;
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void locate() {
        jar = Path.of(System.getProperty("eventlog.localJar", "target/eventlog-local.jar"))
                .toAbsolutePath();
        root = jar.getParent().getParent().getParent();
        assertTrue(Files.isExecutable(root.resolve("run-local.sh")), "run-local.sh at " + root);
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built before the integration tests: " + jar);
    }

    private record Run(int status, String stdout, String stderr) {

        /** The java command the script ran, from the shell's trace. */
        String javaCommand() {
            return stderr.lines()
                    .filter(line -> line.startsWith("+ exec ") && line.contains(" -jar "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no java command in the trace:\n" + stderr));
        }
    }

    private Run invoke(Path javaHome) throws Exception {
        Path event = EventFiles.post(dir.resolve("post.json"), BODY);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        // -x: the shell traces the java command it runs, flags and all, to stderr.
                        List.of(
                                "sh",
                                "-x",
                                root.resolve("run-local.sh").toString(),
                                "invoke",
                                "--event",
                                event.toString()))
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "run-local.sh invoke did not end");
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertResponsesOnly(Run run) {
        assertEquals(0, run.status(), run.stderr());
        List<String> lines = run.stdout().lines().toList();
        assertEquals(1, lines.size(), "stdout carries the one response and nothing else:\n" + run.stdout());
        assertTrue(lines.get(0).startsWith("{\"statusCode\":201,"), run.stdout());
    }

    /** The classes a cache leaves out are no news to a user: the run that records it warns of nothing. */
    private static void assertNoJvmWarnings(Run run) {
        List<String> warnings =
                run.stderr().lines().filter(line -> line.contains("[warning]")).toList();
        assertEquals(List.of(), warnings, run.stderr());
    }

    private static int feature(Path javaHome) throws IOException {
        String release = Files.readString(javaHome.resolve("release"), StandardCharsets.UTF_8);
        String version = release.lines()
                .filter(line -> line.startsWith("JAVA_VERSION="))
                .findFirst()
                .orElseThrow()
                .replaceAll("[^0-9.]", "");
        return Integer.parseInt(version.split("\\.")[0]);
    }

    private static String recordFlag(int feature) {
        return feature >= 25 ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
    }

    private static String useFlag(int feature) {
        return feature >= 24 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
    }

    private static Path cacheFor(int feature) {
        String name = "eventlog-local-invoke-jdk" + feature + (feature >= 24 ? ".aot" : ".jsa");
        return jar.resolveSibling(name);
    }

    private static void removeCaches(int feature) throws IOException {
        for (String suffix : List.of(".aot", ".aotconf", ".jsa", ".jvm")) {
            Files.deleteIfExists(jar.resolveSibling("eventlog-local-invoke-jdk" + feature + suffix));
        }
    }

    @Test
    void theFirstRunRecordsACache_laterRunsUseIt_andNeitherAStaleNorABrokenOneFailsARun() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        int feature = feature(javaHome);
        assumeTrue(feature != 24, "JDK 24 assembles its cache on the second run; the other JDKs are tested here");
        Path cache = cacheFor(feature);
        removeCaches(feature);

        Run first = invoke(javaHome);
        assertResponsesOnly(first);
        assertTrue(Files.isRegularFile(cache), "the first run records " + cache);
        assertTrue(first.javaCommand().contains(recordFlag(feature) + root.relativize(cache)), first.javaCommand());
        assertNoJvmWarnings(first);
        FileTime recorded = Files.getLastModifiedTime(cache);

        Run second = invoke(javaHome);
        assertResponsesOnly(second);
        assertEquals(recorded, Files.getLastModifiedTime(cache), "a run with the cache in place keeps it");
        assertTrue(
                second.javaCommand().contains(useFlag(feature) + root.relativize(cache)),
                "it runs on it: " + second.javaCommand());

        // A cache the JVM cannot map (here: not a cache at all) is passed over with a warning on stderr.
        Files.writeString(cache, "not a start-up cache");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(5)));
        assertResponsesOnly(invoke(javaHome));

        // A jar newer than the cache (a rebuild) makes the run record a new one.
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(3600)));
        assertResponsesOnly(invoke(javaHome));
        assertTrue(
                Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "a stale cache is recorded again");
        assertFalse(Files.readString(cache, StandardCharsets.ISO_8859_1).startsWith("not a start-up cache"));
    }

    @Test
    void aNewerJdk_getsItsOwnAheadOfTimeCache_andTheOtherJdksCacheStays() throws Exception {
        assumeTrue(Files.isExecutable(NEWER_JDK.resolve("bin/java")), "no JDK 25 at " + NEWER_JDK);
        Path defaultHome = Path.of(System.getProperty("java.home"));
        int defaultFeature = feature(defaultHome);
        int newerFeature = feature(NEWER_JDK);
        assumeTrue(defaultFeature != newerFeature && defaultFeature != 24);
        removeCaches(newerFeature);
        assertResponsesOnly(invoke(defaultHome));
        Path defaultCache = cacheFor(defaultFeature);
        assertTrue(Files.isRegularFile(defaultCache), defaultCache.toString());

        Run recording = invoke(NEWER_JDK);
        assertResponsesOnly(recording);
        assertNoJvmWarnings(recording);
        assertTrue(Files.isRegularFile(cacheFor(newerFeature)), "JDK " + newerFeature + " records its AOT cache");
        assertResponsesOnly(invoke(NEWER_JDK));

        assertTrue(Files.isRegularFile(defaultCache), "switching JDKs keeps the other JDK's cache");
        assertResponsesOnly(invoke(defaultHome));
    }
}
