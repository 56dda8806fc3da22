package dev.eventlog.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the machine's curl with {@code --aws-sigv4}: an independent SigV4 implementation to check against. */
final class CurlSigV4 {

    /** What curl got back. */
    record Result(int status, String body) {}

    private CurlSigV4() {}

    static Result request(String method, String url, String accessKey, String secretKey, String body)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "curl",
                "--silent",
                "--show-error",
                "--max-time",
                "20",
                "--aws-sigv4",
                "aws:amz:us-east-1:execute-api",
                "--user",
                accessKey + ":" + secretKey,
                "-X",
                method,
                "--write-out",
                "\n%{http_code}"));
        if (body != null) {
            command.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", body));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("curl did not finish in 30 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("curl failed (" + process.exitValue() + "): " + output);
        }
        int newline = output.lastIndexOf('\n');
        return new Result(Integer.parseInt(output.substring(newline + 1).trim()), output.substring(0, newline));
    }
}
