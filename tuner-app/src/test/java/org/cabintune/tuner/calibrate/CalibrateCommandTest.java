package org.cabintune.tuner.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cabintune.tuner.CliRun;
import org.cabintune.tuner.TunerCli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code calibrate} and {@code rta} listen through exactly one microphone, refused before anything connects. */
class CalibrateCommandTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "calibrate|''|give either --mic DEVICE (a real microphone) or --virtual-car CABIN.yaml with --dac-recording FILE.wav",
            "rta|--mic UMIK --virtual-car car.yaml --dac-recording dac.wav|give either --mic DEVICE",
            "calibrate|--virtual-car car.yaml|--virtual-car needs --dac-recording FILE.wav, the unit's --sink wav:FILE",
            "rta|--virtual-car car.yaml --dac-recording dac.wav --mic-cal umik.txt|--mic-cal goes with --mic: the virtual car's microphone is flat"})
    void oneMicrophoneWithWhatItNeeds(String command, String options, String message) {
        String board = command.equals("calibrate") ? " --board board-configs/simulator.yaml" : "";
        String[] args = (command + " --serial /dev/null" + board + " " + options).trim().split("\\s+");
        CliRun run = CliRun.of(TunerCli.commandLine(), args);
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith(message), run.err());
    }
}
