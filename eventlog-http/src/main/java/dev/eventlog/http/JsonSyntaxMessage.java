package dev.eventlog.http;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words what gson found wrong with a JSON text, and where (line, column, field), without the
 * parser's class names, its strictness setting or its troubleshooting links, which mean nothing to a client.
 */
public final class JsonSyntaxMessage {

    private static final Pattern POSITION = Pattern.compile(" at line (\\d+) column (\\d+) path (\\S*)");
    private static final Pattern NESTING = Pattern.compile("^Nesting limit (\\d+) reached");
    private static final Pattern WRONG_TOKEN = Pattern.compile("Expected (\\w+) but was (\\w+)");
    private static final Map<String, String> TOKENS = Map.of(
            "BEGIN_OBJECT",
            "an object",
            "BEGIN_ARRAY",
            "an array",
            "STRING",
            "a string",
            "NUMBER",
            "a number",
            "BOOLEAN",
            "true or false",
            "NULL",
            "null",
            "NAME",
            "a field name",
            "END_OBJECT",
            "the end of an object",
            "END_ARRAY",
            "the end of an array",
            "END_DOCUMENT",
            "the end of the text");

    private JsonSyntaxMessage() {}

    /**
     * What is wrong, e.g. {@code "':' is missing after a field name at line 1, column 7 (in 'date')"}, from any
     * exception gson throws while reading (its own, or the {@code IllegalStateException} of a wrong token).
     */
    public static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        // gson wraps the reader's exception in its own and repeats its class name at the start of the message.
        message = message.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
        Matcher nesting = NESTING.matcher(message);
        if (nesting.find()) {
            return "it is nested more than " + nesting.group(1) + " levels deep";
        }
        Matcher position = POSITION.matcher(message);
        String where = "";
        String what = message;
        if (position.find()) {
            String field = position.group(3).replaceFirst("^\\$\\.?", "");
            where = " at line " + position.group(1) + ", column " + position.group(2)
                    + (field.isEmpty() ? "" : " (in '" + field + "')");
            what = message.substring(0, position.start());
        }
        return problem(what.trim()) + where;
    }

    private static String problem(String gsonText) {
        Matcher wrong = WRONG_TOKEN.matcher(gsonText);
        if (wrong.lookingAt()) {
            return "expected " + TOKENS.getOrDefault(wrong.group(1), "another value") + " but found "
                    + TOKENS.getOrDefault(wrong.group(2), "something else");
        }
        String text = gsonText.toLowerCase(Locale.ROOT);
        if (text.startsWith("use jsonreader.setstrictness") || text.startsWith("use jsonreader.setlenient")) {
            return "a character that JSON does not allow here (names and strings need double quotes; no comments,"
                    + " trailing commas, NaN or leading zeros)";
        }
        if (text.startsWith("expected value")) {
            return "a value is missing";
        }
        if (text.startsWith("expected ':'")) {
            return "':' is missing after a field name";
        }
        if (text.startsWith("expected name")) {
            return "a field name in double quotes is missing (is there a trailing comma?)";
        }
        if (text.startsWith("unterminated string")) {
            return "a string is not closed with '\"'";
        }
        if (text.startsWith("unterminated object")) {
            return "an object is not closed, or a ',' is missing between its fields";
        }
        if (text.startsWith("unterminated array")) {
            return "an array is not closed, or a ',' is missing between its values";
        }
        if (text.contains("escape")) {
            return "a backslash escape in a string is not valid";
        }
        if (text.startsWith("end of input")) {
            return "the text ends before the JSON value is complete";
        }
        return "the JSON is malformed";
    }
}
