package dev.eventlog.local.reliability;

import dev.eventlog.core.domain.EventIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test harness: the hostile requests both the handler suite and the raw-socket suite send, as method, target and
 * body bytes. Each one must be refused with its one right status and store nothing.
 */
final class HostileRequests {

    private HostileRequests() {}

    /**
     * One hostile request, what makes it hostile, and the one status that is right for it: from the handler, and
     * from the local gateway, which like API Gateway answers a request no route matches itself.
     */
    record Hostile(String name, String method, String target, byte[] body, int status, int gatewayStatus) {

        @Override
        public String toString() {
            return name;
        }
    }

    static String event(String date, String time) {
        return "{\"date\":\"" + date + "\",\"time\":\"" + time + "\",\"userId\":\"u-1\",\"eventType\":\"login\"}";
    }

    static List<Hostile> all() {
        List<Hostile> out = new ArrayList<>();
        out.add(post("JSON nested 100,000 levels deep", "[".repeat(100_000) + "]".repeat(100_000)));
        out.add(post("object nested 100,000 levels deep", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)));
        out.add(post(
                "attributes nested 100,000 levels deep",
                "{\"date\":\"2024-01-01\",\"time\":\"10:00:00\",\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":"
                        + "{\"a\":".repeat(100_000) + "\"x\"" + "}".repeat(100_001)));
        out.add(post(
                "number where a string belongs",
                "{\"date\":\"2024-01-01\",\"time\":\"10:00:00\",\"userId\":42,\"eventType\":\"login\"}"));
        out.add(post(
                "number as the date",
                "{\"date\":20240101,\"time\":\"10:00:00\",\"userId\":\"u\",\"eventType\":\"login\"}"));
        out.add(post(
                "object where a string belongs",
                "{\"date\":\"2024-01-01\",\"time\":\"10:00:00\",\"userId\":{},\"eventType\":\"login\"}"));
        out.add(
                post(
                        "number as an attribute value",
                        "{\"date\":\"2024-01-01\",\"time\":\"10:00:00\",\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":{\"n\":1}}"));
        out.add(
                post(
                        "duplicate JSON keys",
                        "{\"date\":\"2024-01-01\",\"time\":\"10:00:00\",\"userId\":\"u\",\"userId\":\"v\",\"eventType\":\"login\"}"));
        out.add(
                post(
                        "duplicate attribute keys",
                        "{\"date\":\"2024-01-01\",\"time\":\"10:00:00\",\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":{\"k\":\"1\",\"k\":\"2\"}}"));
        out.add(post("byte-order mark before the JSON", "\uFEFF" + event("2024-01-02", "10:00:00")));
        out.add(post(
                "NUL byte inside a string",
                "{\"date\":\"2024-01-03\",\"time\":\"10:00:00\",\"userId\":\"u\u0000x\",\"eventType\":\"login\"}"));
        out.add(post(
                "escaped NUL inside a string",
                "{\"date\":\"2024-01-03\",\"time\":\"10:00:01\",\"userId\":\"u\\u0000x\",\"eventType\":\"login\"}"));
        out.add(post("NUL byte after the JSON", event("2024-01-03", "10:00:02") + "\u0000"));
        out.add(post(
                "unknown field",
                "{\"date\":\"2024-01-04\",\"time\":\"10:00:00\",\"userId\":\"u\",\"eventType\":\"t\",\"admin\":true}"));
        out.add(post("26-event batch", batch(26)));
        out.add(post("empty batch", "[]"));
        out.add(
                post(
                        "batch with one bad event of 25",
                        batch(24)
                                .replace(
                                        "]",
                                        ",{\"date\":\"2024-02-30\",\"time\":\"10:00:00\",\"userId\":\"u\",\"eventType\":\"t\"}]")));
        out.add(post("not JSON", "date=2024-01-01&time=10:00:00"));
        out.add(post("truncated JSON", event("2024-01-05", "10:00:00").substring(0, 30)));
        out.add(post("two JSON values", event("2024-01-05", "10:00:00") + event("2024-01-05", "10:00:01")));
        out.add(post("empty body", ""));
        out.add(post("JSON null", "null"));
        out.add(post(
                "huge number",
                "{\"date\":\"2024-01-06\",\"time\":\"10:00:00\",\"userId\":1" + "0".repeat(10_000)
                        + ",\"eventType\":\"t\"}"));
        out.add(post(
                "lone surrogate escape",
                "{\"date\":\"2024-01-06\",\"time\":\"10:00:00\",\"userId\":\"\\uD800\",\"eventType\":\"t\"}"));
        out.add(post(
                "invalid UTF-8 in the body",
                bytes(
                        "{\"date\":\"2024-01-06\",\"time\":\"10:00:00\",\"userId\":\"",
                        new byte[] {(byte) 0xC3, (byte) 0x28},
                        "\",\"eventType\":\"t\"}")));
        out.add(answered(
                413,
                post(
                        "over 1 MiB",
                        "{\"date\":\"2024-01-07\",\"time\":\"10:00:00\",\"userId\":\"u\",\"eventType\":\"t\",\"attributes\":{\"a\":\""
                                + "x".repeat(1024 * 1024) + "\"}}")));
        out.add(post("time without a date", "{\"time\":\"10:00:00\",\"userId\":\"u\",\"eventType\":\"t\"}"));
        out.add(post(
                "31st of February",
                "{\"date\":\"2024-02-31\",\"time\":\"10:00:00\",\"userId\":\"u\",\"eventType\":\"t\"}"));
        out.add(get("absurd limit", "/events?limit=99999999999999999999999"));
        out.add(get("negative limit", "/events?limit=-1"));
        out.add(get("limit zero", "/events?limit=0"));
        out.add(get("limit over 1000", "/events?limit=1001"));
        out.add(get("limit not a number", "/events?limit=ten"));
        out.add(get("absurd nextToken", "/events?nextToken=" + "A".repeat(4000)));
        out.add(get("nextToken not base64", "/events?nextToken=%25%25%25"));
        out.add(get("nextToken of base64 garbage", "/events?nextToken=eyJoZWxsbyI6IndvcmxkIn0"));
        out.add(get("invalid percent-encoding in the query", "/events?date=2024-01-01%"));
        out.add(get("invalid percent-encoding digits in the query", "/events?date=%ZZ"));
        out.add(get("invalid UTF-8 in the query", "/events?userId=%FF%FE"));
        out.add(get("invalid percent-encoding in the path", "/events/2024-01-01%"));
        out.add(get("invalid UTF-8 in the path", "/events/%C3%28"));
        out.add(get("encoded NUL in the path", "/events/2024-01-01%00"));
        out.add(get("encoded slash in the path", "/events/2024%2F01%2F01"));
        out.add(get("unknown query parameter", "/events?drop=table"));
        out.add(get("repeated parameter", "/events?date=2024-01-01&date=2024-01-02"));
        out.add(get("range over 366 days", "/events?from=2020-01-01T00:00:00.000&to=2024-01-01T00:00:00.000"));
        out.add(get("from after to", "/events?from=2024-01-02T00:00:00.000&to=2024-01-01T00:00:00.000"));
        out.add(get(
                "date and range together",
                "/events?date=2024-01-01&from=2024-01-01T00:00:00.000&to=2024-01-02T00:00:00.000"));
        out.add(get("bad order", "/events?date=2024-01-01&order=sideways"));
        out.add(get("year 99999", "/events/99999-01-01"));
        out.add(post("eventId without a time", "{\"eventId\":\"order-42\",\"userId\":\"u\",\"eventType\":\"t\"}"));
        out.add(post(
                "another caller's derived id",
                "{\"date\":\"2024-01-09\",\"time\":\"10:00:00\",\"eventId\":\"" + EventIds.derive("u-1", "login", null)
                        + "\",\"userId\":\"mallory\",\"eventType\":\"spam\"}"));
        out.add(post("eventId '.'", withId(".")));
        out.add(post("eventId '..'", withId("..")));
        out.add(get("double-encoded colons in the time", "/events/2024-01-01/10%253A00%253A02.000"));
        out.add(get("double-encoded dot as the eventId", "/events/2024-01-01/10:00:02.000/%252e"));
        out.add(get("encoded percent in the eventId", "/events/2024-01-01/10:00:02.000/a%2525b"));
        out.add(get("plus in the eventId", "/events/2024-01-01/10:00:02.000/a+b"));
        // Decoded once, an encoded slash is a slash: one segment too many for any route.
        out.add(answered(404, get("encoded slash in the eventId", "/events/2024-01-01/10:00:02.000/a%2Fb")));
        // The gateway refuses an encoded dot segment before routing; behind a catch-all route the handler finds no
        // event with the id '.', which no event can have.
        out.add(new Hostile(
                "encoded dot segment as the eventId",
                "GET",
                "/events/2024-01-01/10:00:02.000/%2E",
                new byte[0],
                404,
                400));
        out.add(answered(404, get("unknown path", "/admin")));
        out.add(answered(404, get("too deep a path", "/events/2024-01-01/10:00:00.000/extra")));
        // Behind a catch-all route the handler knows the path and refuses the method; the deployed routes are
        // method and path, so the gateway finds no route.
        out.add(new Hostile("wrong method", "DELETE", "/events", new byte[0], 405, 404));
        out.add(new Hostile(
                "POST to an event",
                "POST",
                "/events/2024-01-01/10:00:00.000",
                bytes(event("2024-01-08", "10:00:00")),
                405,
                404));
        return out;
    }

    private static String withId(String eventId) {
        return "{\"date\":\"2024-01-09\",\"time\":\"10:00:01\",\"eventId\":\"" + eventId
                + "\",\"userId\":\"u\",\"eventType\":\"t\"}";
    }

    private static String batch(int size) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ",").append(event("2024-03-01", String.format("10:%02d:%02d", i / 60, i % 60)));
        }
        return out.append(']').toString();
    }

    private static Hostile post(String name, String body) {
        return post(name, bytes(body));
    }

    private static Hostile post(String name, byte[] body) {
        return new Hostile(name, "POST", "/events", body, 400, 400);
    }

    private static Hostile get(String name, String target) {
        return new Hostile(name, "GET", target, new byte[0], 400, 400);
    }

    /** The same request, with another status as the one that is right for it. */
    private static Hostile answered(int status, Hostile hostile) {
        return new Hostile(hostile.name(), hostile.method(), hostile.target(), hostile.body(), status, status);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        byte[] a = bytes(before);
        byte[] c = bytes(after);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }
}
