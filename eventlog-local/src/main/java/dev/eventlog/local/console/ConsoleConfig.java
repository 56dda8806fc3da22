package dev.eventlog.local.console;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the console's page needs to know about the API it browses, served as {@code config.js}.
 *
 * @param apiUrl the API's base URL, or empty when it listens on every address, so that the page calls it on
 *        the host name it was itself loaded from
 * @param apiPort the API's port
 * @param iam whether the API requires SigV4 signatures, which the page does not make
 */
public record ConsoleConfig(Optional<String> apiUrl, int apiPort, boolean iam) {

    private static final Gson GSON = new Gson();

    /** The config for an API bound to {@code host} and serving at {@code url}. */
    public static ConsoleConfig forApi(String host, String url, int port, boolean iam) {
        boolean everyAddress = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        return new ConsoleConfig(everyAddress ? Optional.empty() : Optional.of(url), port, iam);
    }

    /** The script that hands this config to the page before its own script runs. */
    String toJavaScript() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("apiUrl", apiUrl.orElse(null));
        fields.put("apiPort", apiPort);
        fields.put("iam", iam);
        return "window.EVENTLOG_CONSOLE_CONFIG = " + GSON.toJson(fields) + ";\n";
    }
}
