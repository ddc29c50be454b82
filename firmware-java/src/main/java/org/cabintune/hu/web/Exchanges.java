package org.cabintune.hu.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.cabintune.link.protocol.StrictJson;

/** Answers on an {@link HttpExchange}: a body of bytes or JSON, or an error object. */
final class Exchanges {

    static final String JSON = "application/json; charset=utf-8";

    private Exchanges() {
    }

    /** Sends {@code body} with {@code status} and {@code contentType}, and closes the exchange. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, JSON, StrictJson.write(body));
    }

    /**
     * Sends {@code {"error": {"code": ..., "message": ...}}}: the code is the protocol's stable
     * word where there is one, the message starts with the field at fault.
     */
    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", code).put("message", message);
        json(exchange, status, body);
    }

    /**
     * The request's body, at most {@code limit} bytes; null when it is longer (the caller
     * answers 413). A declared length over the limit is refused before anything is read.
     */
    static byte[] body(HttpExchange exchange, int limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // The server itself refuses a malformed length before the handler runs.
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    /** The bytes of a text for an answer. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
