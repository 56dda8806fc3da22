package dev.eventlog.local;

import java.nio.file.Path;
import java.util.Optional;

/** Everything {@code import} was told: the file to read (stdin when empty), whether to stop at the first bad line. */
public record ImportOptions(Optional<Path> in, boolean strict, StoreOptions store) {}
