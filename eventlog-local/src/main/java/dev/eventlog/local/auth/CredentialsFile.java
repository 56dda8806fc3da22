package dev.eventlog.local.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads an access key pair from a profile of a file in the AWS shared credentials format. */
public final class CredentialsFile {

    /** An access key id and its secret. */
    public record KeyPair(String accessKeyId, String secretAccessKey) {

        @Override
        public String toString() {
            return "KeyPair[accessKeyId=" + accessKeyId + "]";
        }
    }

    private CredentialsFile() {}

    /**
     * The key pair of {@code profile} in {@code file}, or empty when the profile is absent or lacks either key.
     *
     * @throws IOException when the file cannot be read
     */
    public static Optional<KeyPair> read(Path file, String profile) throws IOException {
        Map<String, Map<String, String>> sections = new HashMap<>();
        String section = null;
        for (String rawLine : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                // The config file spells non-default profiles "profile NAME"; accept both spellings.
                if (section.startsWith("profile ")) {
                    section = section.substring("profile ".length()).strip();
                }
                sections.putIfAbsent(section, new HashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (section != null && eq > 0) {
                sections.get(section)
                        .put(
                                line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT),
                                line.substring(eq + 1).strip());
            }
        }
        Map<String, String> values = sections.getOrDefault(profile, Map.of());
        String key = values.get("aws_access_key_id");
        String secret = values.get("aws_secret_access_key");
        if (key == null || key.isEmpty() || secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KeyPair(key, secret));
    }
}
