package org.cabintune.hu.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.cabintune.link.command.Caller;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.protocol.MessageType;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Right;
import org.cabintune.link.protocol.StrictJson;
import org.cabintune.link.security.PresenceToken;

/**
 * The driver's page's way to the unit: each request becomes a protocol command, unsigned, sent
 * through the same {@link CommandDispatcher} the serial cable and MQTT use, so it is decoded by
 * the same strict codec, checked by the same rules, applied one at a time with every other
 * transport's commands, and refused like theirs. Only {@link Right#DRIVER} commands are ever
 * sent; the dispatcher would refuse an installer command anyway, since the page signs nothing.
 * Thread-safe.
 */
public final class DriverCommands {

    private final CommandDispatcher dispatcher;
    private final Runnable changed;
    private final MessageIds ids = new MessageIds("web");

    /**
     * @param dispatcher the unit's dispatcher (the link's, when the unit has one)
     * @param changed    called after each command the unit carried out (the link republishes its state)
     */
    public DriverCommands(CommandDispatcher dispatcher, Runnable changed) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /**
     * Sends one driver command with {@code body} as its body, for the page's client at {@code from}.
     *
     * @return the unit's reply: an ack, the data asked for, or an error naming the field
     * @throws IllegalArgumentException when {@code type} is not a driver command
     */
    public Reply send(MessageType type, JsonNode body, String from) {
        if (type.kind() != MessageType.Kind.COMMAND || type.right() != Right.DRIVER) {
            throw new IllegalArgumentException(type.word() + " is not a driver command; the driver's page sends"
                    + " driver commands only");
        }
        ObjectNode message = JsonNodeFactory.instance.objectNode()
                .put("protocol", Limits.PROTOCOL_VERSION)
                .put("id", ids.next())
                .put("time", System.currentTimeMillis())
                .put("type", type.word());
        message.set("body", body);
        Envelope reply = dispatcher.reply(StrictJson.write(message), new Caller("web " + from, true, PresenceToken.NONE));
        if (reply.body() instanceof Reply.Ack) {
            changed.run();
        }
        return (Reply) reply.body();
    }
}
