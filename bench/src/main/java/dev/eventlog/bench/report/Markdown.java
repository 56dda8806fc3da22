package dev.eventlog.bench.report;

/** The results being written, as markdown lines and table rows. */
final class Markdown {

    private final StringBuilder text = new StringBuilder();

    void line(String line) {
        text.append(line).append('\n');
    }

    void row(String... cells) {
        line("| " + String.join(" | ", cells) + " |");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
