package dev.eventlog.local.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The SigV4 fields a client sent, from the {@code Authorization} header or the presigned query parameters.
 *
 * @param presigned whether they came from the query string
 * @param expires the presigned URL's lifetime ({@code X-Amz-Expires}); empty for the header form
 */
record SignedParts(
        boolean presigned,
        String accessKey,
        String scopeDate,
        String scopeRegion,
        String scopeService,
        String scopeTerminator,
        List<String> signedHeaders,
        String signature,
        String amzDate,
        Optional<Duration> expires) {}
