package dev.eventlog.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/** Puts a request's headers on the JDK request, with whatever authentication the API needs. */
interface RequestSigning {

    /**
     * Adds {@code headers}, and any authentication, to {@code out}, a request of {@code method} to {@code uri}
     * whose body is {@code body} (empty for none).
     */
    void apply(HttpRequest.Builder out, String method, URI uri, Map<String, String> headers, byte[] body);

    /** For an API without IAM authorization, such as {@code serve} without {@code --iam}. */
    static RequestSigning none() {
        return (out, method, uri, headers, body) -> headers.forEach(out::header);
    }
}
