package dev.eventlog.local.auth;

/** The one access key the local gateway accepts, with its secret and the region requests must be scoped to. */
public record IamCredentials(String accessKeyId, String secretAccessKey, String region) {

    public IamCredentials {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("'accessKeyId' must not be blank");
        }
        if (secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("'secretAccessKey' must not be empty");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("'region' must not be blank");
        }
    }

    @Override
    public String toString() {
        return "IamCredentials[accessKeyId=" + accessKeyId + ", region=" + region + "]";
    }
}
