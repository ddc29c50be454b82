package org.cabintune.hu.controls;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Tests of the input controls, each on a fresh rig of the HiFiBerry DAC+ board's controls. */
abstract class OnDacPlusBoard {

    ControlsRig rig;

    @BeforeEach
    void openRig() throws Exception {
        rig = ControlsRig.open("rpi4-hifiberry-dacplus");
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }
}
