package org.cabintune.hu.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.MessageType;
import org.cabintune.link.protocol.ProtocolException;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.StrictJson;

/**
 * The page's JSON endpoints under {@code /api/}: {@code GET /api/state}, and one {@code POST}
 * per driver command, whose JSON body is the command's protocol body:
 *
 * <pre>
 * POST /api/profile {"profileId": "night"}     select-profile
 * POST /api/volume  {"volumeDb": -20}          set-volume
 * POST /api/mute    {"muted": true}            set-mute
 * POST /api/night   {"night": true}            set-night
 * </pre>
 *
 * Each answers the state after the change (200), or {@code {"error": {"code", "message"}}} with
 * the protocol's error code and a message that starts with the field at fault
 * ({@code volumeDb = 30 is outside -80..12}) under an HTTP status that says whose the fault is.
 */
final class DriverApi implements HttpHandler {

    /** A driver command's body is a few fields; 1 KiB leaves room for a profile id at its longest. */
    static final int MAX_BODY_BYTES = 1024;
    static final String STATE = "/api/state";
    private static final Map<String, MessageType> COMMANDS = Map.of(
            "/api/profile", MessageType.SELECT_PROFILE,
            "/api/volume", MessageType.SET_VOLUME,
            "/api/mute", MessageType.SET_MUTE,
            "/api/night", MessageType.SET_NIGHT);
    private static final Pattern JSON_TYPE = Pattern.compile("application/json(\\s*;.*)?");
    private static final String BODY_PREFIX = "body.";
    private static final String WHOLE_REQUEST = "request body";

    private final HeadUnitRemote unit;
    private final DriverCommands commands;

    DriverApi(HeadUnitRemote unit, DriverCommands commands) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        MessageType command = COMMANDS.get(path);
        if (path.equals(STATE)) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                notAllowed(exchange, "GET");
                return;
            }
            Exchanges.json(exchange, 200, PageState.of(unit));
        } else if (command != null) {
            if (!method.equals("POST")) {
                notAllowed(exchange, "POST");
                return;
            }
            post(exchange, command);
        } else {
            Exchanges.error(exchange, 404, "not-found", FieldPath.quote(path) + " is not an endpoint of the driver's"
                    + " page; endpoints: " + STATE + ", " + EventStream.PATH + ", "
                    + String.join(", ", COMMANDS.keySet().stream().sorted().toList()));
        }
    }

    private void post(HttpExchange exchange, MessageType command) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !JSON_TYPE.matcher(type.strip().toLowerCase(Locale.ROOT)).matches()) {
            Exchanges.error(exchange, 415, "unsupported-media-type", "Content-Type = "
                    + (type == null ? "(none)" : "\"" + type + "\"") + "; send the body as application/json");
            return;
        }
        byte[] bytes = Exchanges.body(exchange, MAX_BODY_BYTES);
        if (bytes == null) {
            Exchanges.error(exchange, 413, ErrorCode.TOO_LARGE.word(), WHOLE_REQUEST + " is over " + MAX_BODY_BYTES
                    + " bytes");
            return;
        }
        JsonNode body;
        try {
            body = StrictJson.read(bytes);
        } catch (ProtocolException e) {
            String message = e.path().isEmpty() ? WHOLE_REQUEST + e.getMessage().substring("message".length())
                    : e.getMessage();
            Exchanges.error(exchange, status(e.code()), e.code().word(), message);
            return;
        }
        Reply reply = commands.send(command, body, String.valueOf(exchange.getRemoteAddress()));
        if (reply instanceof Reply.Error error) {
            Exchanges.error(exchange, status(error.code()), error.code().word(), unbodied(error.message()));
            return;
        }
        Exchanges.json(exchange, 200, PageState.of(unit));
    }

    /** The protocol's paths start at the message's body, which is the whole request here. */
    private static String unbodied(String message) {
        if (message.startsWith(BODY_PREFIX)) {
            return message.substring(BODY_PREFIX.length());
        }
        return message.startsWith("body ") ? WHOLE_REQUEST + message.substring("body".length()) : message;
    }

    /** Whose fault: the request's (4xx), a state the unit will not leave now (409), or the unit's (500). */
    static int status(ErrorCode code) {
        return switch (code) {
            case TOO_LARGE -> 413;
            case UNKNOWN_PROFILE -> 404;
            case REFUSED -> 409;
            case NOT_AUTHENTICATED, SIGNATURE_REQUIRED, UNKNOWN_KEY, BAD_SIGNATURE, REPLAYED_COUNTER,
                 PRESENCE_REQUIRED -> 403;
            case INTERNAL -> 500;
            default -> 400;
        };
    }

    private static void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        Exchanges.error(exchange, 405, "method-not-allowed", exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getPath() + " is not allowed; use " + allowed);
    }
}
