package dev.eventlog.local;

import dev.eventlog.local.auth.IamCredentials;
import java.nio.file.Path;
import java.util.Optional;

/** Everything {@code serve} was told: where to listen, CORS, IAM, the access log and the store. */
public record ServeOptions(
        String host,
        int port,
        Optional<Path> accessLog,
        CorsPolicy cors,
        Optional<IamCredentials> iam,
        StoreOptions store) {
}
