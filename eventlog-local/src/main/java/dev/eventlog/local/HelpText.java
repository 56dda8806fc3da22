package dev.eventlog.local;

import java.util.ArrayList;
import java.util.List;

/** The runner's {@code --help}, written from the command and option tables. */
final class HelpText {

    private static final int COLUMN = 32;
    private static final int WIDTH = 110;

    private HelpText() {}

    static String render() {
        StringBuilder out = new StringBuilder("Usage: java -jar eventlog-local.jar <command> [options]\n\nCommands:\n");
        for (RunnerCommand command : RunnerCommand.values()) {
            entry(out, command.usage, command.help);
        }
        entry(out, "--help", "show this help");
        for (RunnerOption.Section section : RunnerOption.Section.values()) {
            out.append('\n').append(wrap(section.title + ":", 0, WIDTH)).append('\n');
            for (RunnerOption option : RunnerOption.values()) {
                if (option.section == section) {
                    entry(out, option.flag() ? option.name : option.name + " " + option.value, option.help);
                }
            }
        }
        out.append("\ne.g. generate-event post --body '{\"userId\":\"alice\",\"eventType\":\"login\"}' > post.json\n")
                .append("     export --from 2024-01-01 --to 2025-01-01 --out 2024.ndjson --data log.ndjson\n")
                .append("\nExit status: 0 success, 1 failure while running, 2 bad options or input.\n");
        return out.toString();
    }

    private static void entry(StringBuilder out, String left, String help) {
        String head = "  " + left;
        List<String> lines = lines(help, WIDTH - COLUMN);
        if (head.length() >= COLUMN) {
            out.append(head).append('\n');
            out.append(" ".repeat(COLUMN)).append(lines.get(0)).append('\n');
        } else {
            out.append(head)
                    .append(" ".repeat(COLUMN - head.length()))
                    .append(lines.get(0))
                    .append('\n');
        }
        for (String line : lines.subList(1, lines.size())) {
            out.append(" ".repeat(COLUMN)).append(line).append('\n');
        }
    }

    private static String wrap(String text, int indent, int width) {
        return String.join("\n" + " ".repeat(indent), lines(text, width - indent));
    }

    private static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
