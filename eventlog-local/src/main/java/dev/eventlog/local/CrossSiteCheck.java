package dev.eventlog.local;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Without {@code --iam}, refuses requests that a web page of an origin the CORS policy does not allow makes. CORS
 * only hides answers from such a page: a form, or a {@code fetch} with a {@code text/plain} body, needs no
 * preflight, so without this check the request itself would still reach the function and store its event.
 *
 * <p>A browser names the page's origin in {@code Origin} on every such request ({@code null} for a sandboxed frame,
 * a {@code file:} page or a form after a cross-site redirect); where it leaves {@code Origin} out,
 * {@code Sec-Fetch-Site: cross-site} still says that another site's page sent it. Clients that are not browsers
 * (curl, the SDKs) send neither and are not affected. With {@code --iam} every request must be signed, which no
 * page can do without the key, so the check is not needed there, as on the deployed API.
 */
final class CrossSiteCheck {

    private CrossSiteCheck() {}

    /** The gateway's 403 for a request from a page the CORS policy does not allow, or empty. */
    static Optional<RequestHeadCheck.Refusal> check(GatewayRequest request, CorsPolicy cors) {
        List<String> origins = request.headerValues("origin");
        for (String origin : origins) {
            if (!cors.allowsOrigin(origin)) {
                return refusal("Origin '" + shown(origin.trim()) + "' is not allowed", cors);
            }
        }
        boolean crossSite = request.headerValues("sec-fetch-site").stream()
                .anyMatch(site -> site.trim().toLowerCase(Locale.ROOT).equals("cross-site"));
        if (origins.isEmpty() && crossSite) {
            return refusal("A page on another site (Sec-Fetch-Site: cross-site) is not allowed", cors);
        }
        return Optional.empty();
    }

    private static Optional<RequestHeadCheck.Refusal> refusal(String what, CorsPolicy cors) {
        String allowed = cors.allowOrigins().isEmpty() ? "none (--no-cors)" : String.join(", ", cors.allowOrigins());
        return Optional.of(new RequestHeadCheck.Refusal(
                403,
                what + ": without --iam this local server takes requests from web pages only of its CORS origins ("
                        + allowed + "), so that a page on another site cannot write to the local log. To allow a"
                        + " page, add its origin to --cors-allow-origins ('null' for a sandboxed or file: page), or"
                        + " start serve with --iam, which requires a signature on every request",
                "ORIGIN_NOT_ALLOWED"));
    }

    private static String shown(String origin) {
        return origin.length() <= 100 ? origin : origin.substring(0, 100) + "...";
    }
}
