package dev.eventlog.local.data;

import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.InvalidInputException;
import dev.eventlog.core.domain.StoreConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The file under a {@link FileEventLog}: events as lines of NDJSON, appended and forced to disk before a write is
 * answered, read back whole at start, and rewritten whole (a temporary file renamed over it) when events leave.
 * Only its own store writes it; the store's lock orders the writes.
 */
final class DataFile implements AutoCloseable {

    private final Path path;
    private final EventLines lines;
    private FileChannel channel;

    private DataFile(Path path, EventLines lines, FileChannel channel) {
        this.path = path;
        this.lines = lines;
        this.channel = channel;
    }

    /**
     * Opens the file, creating it when missing, and hands every event it holds to {@code loaded}, in file order.
     * A last line without its line break is what a crash in the middle of a write leaves: it is cut off, with a
     * warning naming its byte offset. Any other line that is not an event stops the start, naming its line number.
     */
    static DataFile open(Path path, EventLines lines, Consumer<EventRecord> loaded, Consumer<String> warnings) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new StoreConfigurationException(
                        "data file " + path + ": its directory " + parent + " does not exist", null);
            }
            FileChannel channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                long keep = load(path, channel, lines, loaded, warnings);
                if (keep < channel.size()) {
                    channel.truncate(keep);
                    channel.force(true);
                }
                channel.position(channel.size());
                return new DataFile(path, lines, channel);
            } catch (RuntimeException | IOException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new StoreConfigurationException("data file " + path + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Reads every line; returns the length of the file that holds whole lines. */
    private static long load(
            Path path, FileChannel channel, EventLines lines, Consumer<EventRecord> loaded, Consumer<String> warnings)
            throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            number++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            boolean complete = end < bytes.length;
            String text;
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, end - start))
                        .toString();
            } catch (CharacterCodingException e) {
                text = null;
            }
            if (!complete) {
                if (text != null && !text.isBlank() && parses(lines, text)) {
                    // A whole event whose line break was not written: keep it, and end the line.
                    loaded.accept(lines.read(text));
                    channel.write(ByteBuffer.wrap(new byte[] {'\n'}), bytes.length);
                    return bytes.length + 1;
                }
                warnings.accept("warning: data file " + path + " ends in an unfinished line at byte offset " + start
                        + " (a write cut short); it is dropped");
                return start;
            }
            if (text == null) {
                throw badLine(path, number, "is not UTF-8 text");
            }
            if (!text.isBlank()) {
                try {
                    loaded.accept(lines.read(text));
                } catch (InvalidInputException e) {
                    throw badLine(path, number, e.getMessage());
                }
            }
            start = end + 1;
        }
        return bytes.length;
    }

    private static boolean parses(EventLines lines, String text) {
        try {
            lines.read(text);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    static StoreConfigurationException badLine(Path path, int number, String why) {
        return new StoreConfigurationException(
                "data file " + path + ", line " + number + ": " + why
                        + "; fix or remove that line (nothing was started)",
                null);
    }

    /** Appends the events' lines in one write and forces them to disk. */
    void append(Collection<EventRecord> events) {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (EventRecord event : events) {
            text.append(lines.write(event)).append('\n');
        }
        ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        long before;
        try {
            before = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            // Cut off what part of the write landed, so that the file holds only acknowledged events.
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException ignored) {
                // The torn tail is dropped at the next start.
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the whole file with these events: written to a temporary file, forced, renamed over it. */
    void rewrite(Collection<EventRecord> events) {
        Path temporary = path.resolveSibling(path.getFileName() + ".rewrite");
        try {
            try (FileChannel out = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                List<EventRecord> batch = new ArrayList<>(1000);
                for (EventRecord event : events) {
                    batch.add(event);
                    if (batch.size() == 1000) {
                        write(out, batch);
                        batch.clear();
                    }
                }
                write(out, batch);
                out.force(true);
            }
            channel.close();
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.position(channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(FileChannel out, List<EventRecord> events) throws IOException {
        StringBuilder text = new StringBuilder();
        for (EventRecord event : events) {
            text.append(lines.write(event)).append('\n');
        }
        ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** The rename is durable only once the directory that records it is on disk too. */
    private void forceDirectory() {
        Path directory = path.toAbsolutePath().getParent();
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for reading; the rename itself has happened.
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
