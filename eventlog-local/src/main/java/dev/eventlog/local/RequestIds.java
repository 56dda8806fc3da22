package dev.eventlog.local;

import java.security.SecureRandom;
import java.util.Base64;

/** Request ids shaped like API Gateway's ({@code apigw-requestid}: 14 base64 characters and {@code =}). */
final class RequestIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {}

    static String next() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).substring(0, 14) + "=";
    }
}
