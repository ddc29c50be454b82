package org.cabintune.hu.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cabintune.link.protocol.FieldPath;

/**
 * The page itself: four files from the jar's resources, read once when the server starts and
 * served from memory. Nothing else is served; no path is ever looked up on a disk.
 */
final class PageFiles implements HttpHandler {

    private record File(String contentType, byte[] bytes) {
    }

    private final Map<String, File> files = new LinkedHashMap<>();

    PageFiles() {
        files.put("/", load("index.html", "text/html; charset=utf-8"));
        files.put("/app.js", load("app.js", "text/javascript; charset=utf-8"));
        files.put("/style.css", load("style.css", "text/css; charset=utf-8"));
        files.put("/icon.svg", load("icon.svg", "image/svg+xml"));
    }

    private static File load(String name, String contentType) {
        try (InputStream in = PageFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the driver's page resource " + name + " is missing from the jar");
            }
            return new File(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        File file = files.get(path);
        if (file == null) {
            Exchanges.error(exchange, 404, "not-found", FieldPath.quote(path) + " is not on the driver's page; open /");
            return;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            Exchanges.error(exchange, 405, "method-not-allowed", method + " " + path + " is not allowed; use GET");
            return;
        }
        Exchanges.send(exchange, 200, file.contentType(), file.bytes());
    }
}
