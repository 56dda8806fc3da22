package dev.eventlog.local.auth;

import dev.eventlog.local.GatewayRequest;
import dev.eventlog.local.RawQuery;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * Recomputes the signatures a client may have produced for a request, with the AWS SDK's own signers, from
 * exactly what the client said it signed: the headers in {@code SignedHeaders}, the path and query as sent, the
 * body and the {@code X-Amz-Date}. Several candidates come back because clients legitimately differ in how they
 * write the canonical path (the SDKs encode it per segment, curl signs it as sent) and in the payload hash of a
 * presigned URL ({@code UNSIGNED-PAYLOAD} or the body's SHA-256).
 */
final class SdkSignatureCalculator {

    private static final Set<String> PRESIGN_PARAMETERS = Set.of(
            "X-Amz-Algorithm",
            "X-Amz-Credential",
            "X-Amz-Date",
            "X-Amz-Expires",
            "X-Amz-SignedHeaders",
            "X-Amz-Signature");
    private static final String CONTENT_SHA256 = "x-amz-content-sha256";
    private static final String LOCAL_HOST = "localhost";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    List<String> candidates(GatewayRequest request, SignedParts parts, String secretKey, Instant signedAt) {
        List<String> signatures = new ArrayList<>();
        for (boolean sdkStylePath : new boolean[] {true, false}) {
            if (parts.presigned()) {
                signatures.add(presigned(request, parts, secretKey, signedAt, sdkStylePath, true));
                if (request.body().length == 0) {
                    signatures.add(presigned(request, parts, secretKey, signedAt, sdkStylePath, false));
                }
            } else if (parts.signedHeaders().contains(CONTENT_SHA256)) {
                signatures.add(headerSigned(request, parts, secretKey, signedAt, sdkStylePath));
            } else {
                signatures.add(headerSignedWithoutContentHashHeader(request, parts, secretKey, signedAt, sdkStylePath));
            }
        }
        return signatures;
    }

    private String headerSigned(
            GatewayRequest request, SignedParts parts, String secretKey, Instant signedAt, boolean sdkStylePath) {
        SignedRequest signed = signer.sign(r -> r.identity(AwsCredentialsIdentity.create(parts.accessKey(), secretKey))
                .request(sdkRequest(request, parts).build())
                .payload(() -> new ByteArrayInputStream(request.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, parts.scopeService())
                .putProperty(AwsV4HttpSigner.REGION_NAME, parts.scopeRegion())
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, sdkStylePath)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, sdkStylePath));
        return signatureFromAuthorization(
                signed.request().firstMatchingHeader("Authorization").orElse(""));
    }

    private String presigned(
            GatewayRequest request,
            SignedParts parts,
            String secretKey,
            Instant signedAt,
            boolean sdkStylePath,
            boolean hashBody) {
        SignedRequest signed = signer.sign(r -> {
            r.identity(AwsCredentialsIdentity.create(parts.accessKey(), secretKey))
                    .request(sdkRequest(request, parts).build())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, parts.scopeService())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, parts.scopeRegion())
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                    .putProperty(
                            AwsV4HttpSigner.EXPIRATION_DURATION, parts.expires().orElseThrow())
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, sdkStylePath)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, sdkStylePath);
            if (hashBody) {
                r.payload(() -> new ByteArrayInputStream(request.body()))
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true);
            }
        });
        return signed.request()
                .firstMatchingRawQueryParameter("X-Amz-Signature")
                .orElse("");
    }

    // AwsV4HttpSigner always adds x-amz-content-sha256 to the signed headers; most clients (curl, botocore, the
    // JavaScript SDK for execute-api) do not sign it, and only the SDK's classic signer reproduces that form.
    @SuppressWarnings("deprecation")
    private String headerSignedWithoutContentHashHeader(
            GatewayRequest request, SignedParts parts, String secretKey, Instant signedAt, boolean sdkStylePath) {
        SdkHttpRequest base = sdkRequest(request, parts).build();
        SdkHttpFullRequest full = SdkHttpFullRequest.builder()
                .method(base.method())
                .protocol(base.protocol())
                .host(base.host())
                .port(base.port())
                .encodedPath(base.encodedPath())
                .rawQueryParameters(base.rawQueryParameters())
                .headers(base.headers())
                .contentStreamProvider(() -> new ByteArrayInputStream(request.body()))
                .build();
        Aws4SignerParams params = Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(parts.accessKey(), secretKey))
                .signingName(parts.scopeService())
                .signingRegion(Region.of(parts.scopeRegion()))
                .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC))
                .doubleUrlEncode(sdkStylePath)
                .normalizePath(sdkStylePath)
                .build();
        SdkHttpFullRequest signed = Aws4Signer.create().sign(full, params);
        return signatureFromAuthorization(
                signed.firstMatchingHeader("Authorization").orElse(""));
    }

    private static SdkHttpRequest.Builder sdkRequest(GatewayRequest request, SignedParts parts) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .protocol("http")
                .encodedPath(request.rawPath());
        // The signers add a Host header of their own when they see none under that exact name, so the request's
        // host and port are set to what the client sent, and the header is put as "Host".
        String host = request.header("host").orElse(LOCAL_HOST).trim();
        int colon = host.lastIndexOf(':');
        if (colon > 0
                && colon > host.lastIndexOf(']')
                && host.substring(colon + 1).matches("\\d{1,5}")) {
            builder.host(host.substring(0, colon)).port(Integer.parseInt(host.substring(colon + 1)));
        } else {
            builder.host(host.isEmpty() ? LOCAL_HOST : host);
        }
        for (Map.Entry<String, String> pair : RawQuery.signedParameters(request.rawQuery())) {
            if (parts.presigned() && PRESIGN_PARAMETERS.contains(pair.getKey())) {
                continue;
            }
            builder.appendRawQueryParameter(pair.getKey(), pair.getValue());
        }
        for (String name : parts.signedHeaders()) {
            if (name.equals("host")) {
                builder.putHeader("Host", request.headerValues(name));
            } else if (!name.equals("x-amz-date") || parts.presigned()) {
                // X-Amz-Date comes from the signing clock, which is set to the date the client signed with.
                builder.putHeader(name, request.headerValues(name));
            }
        }
        return builder;
    }

    private static String signatureFromAuthorization(String authorization) {
        int at = authorization.indexOf("Signature=");
        return at < 0 ? "" : authorization.substring(at + "Signature=".length()).trim();
    }
}
