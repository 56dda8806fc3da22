package dev.eventlog.http;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder}. {@code StringWriter} writes into a {@code StringBuffer}, which takes
 * a lock for every character the JSON writer hands it; one request's text is only ever written by one thread.
 */
final class TextBuffer extends Writer {

    private final StringBuilder text = new StringBuilder(256);

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public Writer append(CharSequence chars) {
        text.append(chars);
        return this;
    }

    @Override
    public Writer append(char c) {
        text.append(c);
        return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return text.toString();
    }
}
