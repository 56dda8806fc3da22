package dev.eventlog.local;

import dev.eventlog.local.auth.CredentialsFile;
import dev.eventlog.local.auth.IamCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the key pair {@code serve --iam} accepts signatures of, in the order the README gives: the options, then
 * the environment, then the {@code [default]} profile of the shared credentials file, as the AWS CLI finds one.
 */
final class IamKeyPair {

    private final Map<String, String> environment;

    IamKeyPair(Map<String, String> environment) {
        this.environment = environment;
    }

    IamCredentials resolve(
            Optional<String> accessKey,
            Optional<String> secretKey,
            Optional<Path> file,
            Optional<String> profile,
            String region)
            throws UsageException {
        if (file.isPresent() || profile.isPresent()) {
            if (accessKey.isPresent() || secretKey.isPresent()) {
                throw new UsageException(
                        "give either --iam-access-key/--iam-secret-key or --iam-credentials-file," + " not both");
            }
            Optional<Path> path = file.or(this::defaultCredentialsFile);
            if (path.isEmpty()) {
                throw new UsageException("--iam-profile needs --iam-credentials-file here: neither"
                        + " AWS_SHARED_CREDENTIALS_FILE nor HOME is set");
            }
            String name = profile.orElse("default");
            try {
                CredentialsFile.KeyPair pair = CredentialsFile.read(path.get(), name)
                        .orElseThrow(() -> new UsageException("profile '" + name + "' in " + path.get()
                                + " has no aws_access_key_id and aws_secret_access_key"));
                return new IamCredentials(pair.accessKeyId(), pair.secretAccessKey(), region);
            } catch (NoSuchFileException e) {
                throw new UsageException("cannot read credentials file " + path.get() + ": no such file");
            } catch (IOException e) {
                throw new UsageException("cannot read credentials file " + path.get() + ": " + e.getMessage());
            }
        }
        Optional<String> key = accessKey.or(() -> env("AWS_ACCESS_KEY_ID"));
        Optional<String> secret = secretKey.or(() -> env("AWS_SECRET_ACCESS_KEY"));
        if (key.isPresent() && secret.isPresent()) {
            return new IamCredentials(key.get(), secret.get(), region);
        }
        if (accessKey.isPresent() || secretKey.isPresent()) {
            throw new UsageException(
                    accessKey.isPresent()
                            ? "--iam-access-key needs its secret: set AWS_SECRET_ACCESS_KEY (or give --iam-secret-key)"
                            : "--iam-secret-key needs its key id: give --iam-access-key (or set AWS_ACCESS_KEY_ID)");
        }
        Optional<Path> path = defaultCredentialsFile();
        if (path.isPresent() && Files.isRegularFile(path.get())) {
            try {
                Optional<CredentialsFile.KeyPair> pair = CredentialsFile.read(path.get(), "default");
                if (pair.isPresent()) {
                    return new IamCredentials(
                            pair.get().accessKeyId(), pair.get().secretAccessKey(), region);
                }
            } catch (IOException e) {
                throw new UsageException("cannot read credentials file " + path.get() + ": " + e.getMessage());
            }
        }
        throw new UsageException("--iam found no key pair: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, put a"
                + " [default] profile in " + path.map(Path::toString).orElse("~/.aws/credentials")
                + ", or give --iam-credentials-file/--iam-profile (or --iam-access-key and --iam-secret-key)");
    }

    /** {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code .aws/credentials} in the home directory, as the AWS CLI. */
    private Optional<Path> defaultCredentialsFile() {
        return env("AWS_SHARED_CREDENTIALS_FILE")
                .map(Path::of)
                .or(() -> env("HOME").or(() -> env("USERPROFILE")).map(home -> Path.of(home, ".aws", "credentials")));
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }
}
