package org.cabintune.tuner.unit;

import java.util.List;
import org.cabintune.link.mqtt.UnitDirectory;
import org.cabintune.link.protocol.Command.GetState;
import org.cabintune.link.protocol.Command.Hello;
import org.cabintune.link.protocol.Reply;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The head units one can reach: those a broker knows of, from their retained {@code status}
 * and {@code state}, or the one on the serial cable. What {@code cabintune units} and the
 * desktop tuner's connect panel share.
 */
public final class UnitScan {

    /** The longest wait for a broker's retained messages, s. */
    public static final double MAX_WAIT_SECONDS = 60;

    private UnitScan() {
    }

    /** The units the broker of {@code link} holds, collected for {@code waitSeconds}; in the order of their ids. */
    public static List<UnitDirectory.Unit> broker(LinkOptions link, double waitSeconds) throws InterruptedException {
        if (!(waitSeconds > 0 && waitSeconds <= MAX_WAIT_SECONDS)) {
            throw new Failure("--wait " + waitSeconds + " is outside (0, " + (int) MAX_WAIT_SECONDS + "] seconds");
        }
        try (UnitDirectory directory = new UnitDirectory(link.login(), LinkOptions.clientId())) {
            try {
                directory.connect();
            } catch (MqttException e) {
                throw new Failure(UnitLink.connectFailure(link, e), e);
            }
            Thread.sleep(Math.round(waitSeconds * 1000));
            return directory.units();
        } catch (MqttException e) {
            throw new Failure("cannot use broker " + link.login().uri() + ": " + e.getMessage(), e);
        }
    }

    /** The unit on the serial cable of {@code link}, with status {@code cable}. */
    public static UnitDirectory.Unit cable(LinkOptions link) {
        try (UnitLink unit = UnitLink.open(link, null, message -> { })) {
            Reply.Info info = unit.ask(new Hello("cabintune tuner"), Reply.Info.class);
            Reply.State state = unit.ask(new GetState(), Reply.State.class);
            return new UnitDirectory.Unit(info.unitId(), "cable", state);
        }
    }
}
