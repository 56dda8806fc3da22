package dev.eventlog.lambda;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Turns a request body as API Gateway delivers it (text, or base64 when binary) into text, within the size limit. */
final class RequestBody {

    /** 1 MiB, the largest body the API takes. */
    static final int MAX_BYTES = 1024 * 1024;

    private RequestBody() {}

    /** The body as text; null when there is none. */
    static String text(String body, boolean base64) {
        if (body == null) {
            return null;
        }
        if (!base64) {
            // UTF-8 never takes fewer bytes than UTF-16 code units, so the cheap length check comes first.
            if (body.length() > MAX_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                throw tooLarge();
            }
            return body;
        }
        if ((long) body.length() * 3 / 4 > MAX_BYTES + 3) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("the request body is marked base64-encoded but is not valid base64");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("the request body is not UTF-8 text");
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(
                ProblemType.BODY_TOO_LARGE, "the request body is larger than 1 MiB (" + MAX_BYTES + " bytes)");
    }
}
