package org.cabintune.link.mqtt;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Clock;
import org.cabintune.link.command.Caller;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.command.RecordingPort;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.link.security.PresenceToken;
import org.cabintune.link.security.TrustStore;

/** A unit on MQTT that already trusts an installer key (paired over its serial cable), for fault tests. */
final class PairedUnit implements AutoCloseable {

    final RecordingPort port = new RecordingPort(Samples.profile("stereo-fullrange"));
    final MqttServer server;

    PairedUnit(BrokerLogin broker, String unitId, Path dir, InstallerKey installer) throws Exception {
        CommandDispatcher dispatcher = new CommandDispatcher(port, TrustStore.open(dir.resolve(unitId + "-trust.json"),
                Clock.systemUTC()), Clock.systemUTC(), CommandDispatcher.DEFAULT_REMEMBERED_IDS);
        Envelope pairing = installer.sign(Envelope.of("pair-" + unitId, 0, installer.pairCommand("fault tests")));
        assertInstanceOf(Reply.Ack.class, dispatcher.reply(MessageCodec.encode(pairing), Caller.serialCable("bench"))
                .body());
        server = new MqttServer(broker, unitId, dispatcher, port::state, PresenceToken.NONE);
        server.start();
    }

    long calls(String call) {
        return port.calls().stream().filter(call::equals).count();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
