package dev.eventlog.client;

import dev.eventlog.core.domain.StoreConfigurationException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;

/**
 * SigV4 for an HTTP API with {@code AWS_IAM} authorization: the SDK's own signer, service {@code execute-api}, with
 * credentials resolved from the provider for each request, so that rotating credentials (roles, SSO) are picked up.
 * Each attempt is signed anew, so a retry never carries a stale {@code X-Amz-Date}.
 */
final class SigV4Signing implements RequestSigning {

    /** The signing name of API Gateway's invoke API. */
    static final String SERVICE = "execute-api";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Region region;
    private final AwsCredentialsProvider credentials;

    SigV4Signing(Region region, AwsCredentialsProvider credentials) {
        this.region = region;
        this.credentials = credentials;
    }

    @Override
    public void apply(HttpRequest.Builder out, String method, URI uri, Map<String, String> headers, byte[] body) {
        SdkHttpRequest.Builder request =
                SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(request::putHeader);
        SdkHttpRequest signed = signer.sign(sign -> sign.identity(resolve())
                        .request(request.build())
                        .payload(() -> new ByteArrayInputStream(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()))
                .request();
        signed.forEachHeader((name, values) -> {
            // The JDK client writes Host itself, from the same URI the signature covers.
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> out.header(name, value));
            }
        });
    }

    private AwsCredentials resolve() {
        try {
            return credentials.resolveCredentials();
        } catch (RuntimeException e) {
            throw new StoreConfigurationException(
                    "no AWS credentials to sign requests to the EventLog API with: " + e.getMessage(), e);
        }
    }
}
