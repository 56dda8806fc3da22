package dev.eventlog.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code Host} names the local server answers: its listen address, {@code localhost}, {@code 127.0.0.1},
 * {@code [::1]} and the names given with {@code --allowed-hosts}, each with the port it listens on.
 *
 * <p>A page on another site can point its own name at 127.0.0.1 (DNS rebinding) and then talk to this server as
 * if it were same-origin; its requests still carry that site's name in {@code Host}, so refusing unknown names
 * keeps such pages away from the log and from the developer's AWS credentials behind it.
 */
public final class HostCheck {

    /** The names every local server answers, whatever it listens on. */
    public static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> names;
    private final List<String> shown;

    /**
     * @param listenHost the address {@code serve} binds ({@code --host})
     * @param extraNames more names to answer ({@code --allowed-hosts}); IPv6 addresses in brackets or without
     */
    public HostCheck(String listenHost, List<String> extraNames) {
        Set<String> all = new LinkedHashSet<>(LOCAL_NAMES);
        all.add(normalized(listenHost));
        extraNames.forEach(name -> all.add(normalized(name)));
        this.names = Set.copyOf(all);
        this.shown = List.copyOf(all);
    }

    /** The names answered, in the order they were given, for the start-up banner. */
    public List<String> names() {
        return shown;
    }

    /**
     * Why a request with these {@code Host} header values, received on {@code localPort}, must be refused; empty
     * when it may be answered. Any server of the runner (the API, a page it serves) checks its requests with it.
     */
    public Optional<String> refusal(List<String> hostHeaders, int localPort) {
        if (hostHeaders.size() != 1) {
            return Optional.of("a request needs exactly one Host header (got " + hostHeaders.size()
                    + "); this local server answers " + String.join(", ", shown) + " on port " + localPort);
        }
        String host = hostHeaders.get(0).trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > host.lastIndexOf(']');
        String name = hasPort ? host.substring(0, colon) : host;
        // A Host without a port names port 80 (RFC 9110); browsers always send the port when it is another.
        String port = hasPort ? host.substring(colon + 1) : "80";
        if (names.contains(name) && port.equals(Integer.toString(localPort))) {
            return Optional.empty();
        }
        String shownHost = host.length() <= 100 ? host : host.substring(0, 100) + "...";
        return Optional.of("Host '" + shownHost + "' is not allowed: this local server answers only "
                + String.join(", ", shown) + " on port " + localPort + ". To accept another name, start serve with"
                + " --allowed-hosts NAME (comma-separated for several)");
    }

    /** The gateway's 403 for such a request. */
    Optional<RequestHeadCheck.Refusal> check(List<String> hostHeaders, int localPort) {
        return refusal(hostHeaders, localPort)
                .map(message -> new RequestHeadCheck.Refusal(403, message, "HOST_NOT_ALLOWED"));
    }

    /** Lower case, and an IPv6 address in brackets, as it appears in a {@code Host} header. */
    static String normalized(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.contains(":") && !lower.startsWith("[") ? "[" + lower + "]" : lower;
    }

    /** Checks the {@code --allowed-hosts} entries: names or addresses, without scheme, port or path. */
    static List<String> parseNames(List<String> given) throws UsageException {
        List<String> names = new ArrayList<>();
        for (String name : given) {
            String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
            boolean ipv6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+");
            if (!ipv6 && !bare.matches("[A-Za-z0-9._-]+")) {
                throw new UsageException("--allowed-hosts takes host names or addresses without scheme, port or"
                        + " path, got '" + name + "'");
            }
            names.add(normalized(bare));
        }
        return names;
    }
}
