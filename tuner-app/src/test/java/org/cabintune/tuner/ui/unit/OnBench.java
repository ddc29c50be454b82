package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.cabintune.link.mqtt.Mosquitto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test against a {@link BenchUnit} on its own broker, with a session (not yet connected) whose key lives in {@code config}. */
abstract class OnBench {

    @TempDir
    Path dir;
    UiThread ui;
    BenchUnit bench;
    UnitSession session;

    /** The unit's id in its topics. */
    abstract String unitId();

    @BeforeEach
    void startBench() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed (apt-get install mosquitto)");
        ui = new UiThread();
        bench = new BenchUnit(dir, unitId());
        session = new UnitSession(dir.resolve("config"));
    }

    @AfterEach
    void stopBench() throws Exception {
        if (bench != null) {
            session.close();
            bench.close();
            ui.close();
        }
    }
}
