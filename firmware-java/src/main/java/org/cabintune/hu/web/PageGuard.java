package org.cabintune.hu.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cabintune.link.protocol.FieldPath;

/**
 * What every request passes before a handler sees it, and every answer carries.
 *
 * <ul>
 *   <li>The {@code Host} must be an IP address, {@code localhost} or the host the page was bound
 *       to by name: a page of another site whose name an attacker points at the unit's address
 *       (DNS rebinding) is refused, since its requests name that site.</li>
 *   <li>A request that says where it comes from ({@code Origin}) must come from the page
 *       itself; with no CORS headers ever sent, a browser lets no other site read an answer, and
 *       commands need {@code Content-Type: application/json}, which no other site can send
 *       without a CORS preflight the page never answers.</li>
 *   <li>Every answer forbids scripts, styles, images and connections from anywhere but the page
 *       ({@code Content-Security-Policy}), framing, MIME sniffing, referrers and caching.</li>
 *   <li>A handler that fails answers 500 with one line; the trace goes to the unit's log only.</li>
 * </ul>
 */
final class PageGuard extends Filter {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+]");

    private final String boundName;
    private final PrintStream log;

    /**
     * @param boundHost the host the page was bound to, as configured; accepted as a Host too
     * @param log       where failures are told, one line each
     */
    PageGuard(String boundHost, PrintStream log) {
        this.boundName = boundHost.toLowerCase(Locale.ROOT);
        this.log = log;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Headers out = exchange.getResponseHeaders();
        out.set("Content-Security-Policy", CSP);
        out.set("X-Content-Type-Options", "nosniff");
        out.set("X-Frame-Options", "DENY");
        out.set("Referrer-Policy", "no-referrer");
        out.set("Cache-Control", "no-store");
        try {
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !allowedHost(host)) {
                Exchanges.error(exchange, 403, "bad-host", "Host = " + (host == null ? "(none)" : FieldPath.quote(host))
                        + " is not this unit's address; open the page by the unit's address, e.g. http://192.168.4.1:8080/");
                return;
            }
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
                Exchanges.error(exchange, 403, "cross-origin", "Origin = " + FieldPath.quote(origin)
                        + " is not the driver's page (http://" + host + "); the page answers itself only");
                return;
            }
            chain.doFilter(exchange);
        } catch (IOException e) {
            // The client went away mid-answer: nothing to tell it.
            exchange.close();
        } catch (RuntimeException e) {
            log.println("web: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " failed: " + e);
            try {
                Exchanges.error(exchange, 500, "internal", "the unit failed while answering; its log says why");
            } catch (IOException | RuntimeException late) {
                // Headers already sent, or the client gone: close and let it retry.
                exchange.close();
            }
        }
    }

    /** An IP literal, {@code localhost}, or the name the page was bound to; any port. */
    boolean allowedHost(String header) {
        String host;
        try {
            host = new URI("http://" + header.strip() + "/").getHost();
        } catch (URISyntaxException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return IPV4.matcher(h).matches() || IPV6.matcher(h).matches() || h.equals("localhost") || h.equals(boundName);
    }

    @Override
    public String description() {
        return "the driver's page's host, origin and header rules";
    }
}
