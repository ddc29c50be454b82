package org.cabintune.hu.board;

import org.cabintune.dsp.dynamics.LimiterParams;
import org.cabintune.dsp.profile.Output.Role;
import org.cabintune.dsp.wav.DitherMode;
import org.cabintune.hu.audio.PcmFormat;
import org.cabintune.hu.web.WebAddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every range and cross-field rule of a board file, each problem reported as
 * {@code path = value why}. Collects all problems rather than stopping at the first.
 */
final class BoardValidator {

    static final List<String> SOCS = List.of("rpi4", "rpi5", "any");
    static final List<String> BUSES = List.of("i2s", "usb", "none");
    static final List<String> SINKS = List.of("alsa", "null", "wav");
    static final List<Integer> RATES = List.of(44100, 48000, 88200, 96000, 176400, 192000);
    static final List<String> FORMATS = Arrays.stream(PcmFormat.values()).map(Enum::name).toList();
    static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::jsonName).toList();
    /** BCM GPIO 0 and 1 carry the HAT identification EEPROM. */
    static final List<Integer> HAT_ID_PINS = List.of(0, 1);
    /** BCM GPIO 2 (SDA) and 3 (SCL): I2C-1, which DAC HATs use for control. */
    static final List<Integer> I2C_PINS = List.of(2, 3);
    /** BCM GPIO 18 (BCLK), 19 (LRCLK), 20 (DIN), 21 (DOUT): PCM/I2S. */
    static final List<Integer> I2S_PINS = List.of(18, 19, 20, 21);
    /** The lowest highpass a tweeter may have: below this a dome takes damage at car levels. */
    static final double TWEETER_MIN_HIGHPASS_HZ = 1000;

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SOURCE = Pattern.compile("silence|sine|pink|sweep|file:.+|alsa:.+");
    private static final Pattern CONFIG_LINE = Pattern.compile("\\[[a-z0-9]+]|[a-z_0-9]+=\\S.*");
    private static final Pattern MODULE = Pattern.compile("[a-z0-9_-]+");

    private final List<String> problems = new ArrayList<>();

    private BoardValidator() {
    }

    static List<String> check(BoardConfig b) {
        BoardValidator v = new BoardValidator();
        v.board(b);
        return v.problems;
    }

    private void board(BoardConfig b) {
        kebab("id", b.id());
        nonBlank("name", b.name());
        oneOf("soc", b.soc(), SOCS);
        if (present("dac", b.dac())) {
            dac(b.dac());
        }
        if (present("stream", b.stream())) {
            stream(b.stream(), b.dac());
        }
        if (present("outputs", b.outputs())) {
            outputs(b.outputs(), b.dac() == null ? null : b.dac().channels());
        }
        if (b.gpio() != null) {
            gpio(b.gpio(), b);
        }
        if (b.i2cMute() != null) {
            i2cMute(b.i2cMute());
        }
        nonBlank("profile", b.profile());
        if (b.profileStore() != null) {
            nonBlank("profileStore", b.profileStore());
        }
        if (b.link() != null) {
            link(b.link());
        }
        configTxt(b);
        if (b.modules() != null) {
            for (int i = 0; i < b.modules().size(); i++) {
                matches("modules[" + i + "]", b.modules().get(i), MODULE, "is not a kernel module name");
            }
        }
    }

    private void dac(BoardConfig.Dac d) {
        nonBlank("dac.chip", d.chip());
        oneOf("dac.bus", d.bus(), BUSES);
        if (d.alsaDevice() != null) {
            nonBlank("dac.alsaDevice", d.alsaDevice());
        }
        if (present("dac.sampleRates", d.sampleRates())) {
            nonEmptyUnique("dac.sampleRates", d.sampleRates());
            for (int i = 0; i < d.sampleRates().size(); i++) {
                oneOf("dac.sampleRates[" + i + "]", d.sampleRates().get(i), RATES);
            }
        }
        if (present("dac.formats", d.formats())) {
            nonEmptyUnique("dac.formats", d.formats());
            for (int i = 0; i < d.formats().size(); i++) {
                oneOf("dac.formats[" + i + "]", d.formats().get(i), FORMATS);
            }
        }
        range("dac.channels", d.channels(), 1, 32);
        if (d.reservedPins() != null) {
            for (int i = 0; i < d.reservedPins().size(); i++) {
                range("dac.reservedPins[" + i + "]", d.reservedPins().get(i), 0, 27);
            }
        }
    }

    private void stream(BoardConfig.Stream s, BoardConfig.Dac dac) {
        if (oneOf("stream.sink", s.sink(), SINKS)) {
            if (s.sink().equals("alsa") && dac != null && dac.alsaDevice() == null) {
                problems.add("dac.alsaDevice is missing; stream.sink = \"alsa\" needs it");
            }
            if (s.sink().equals("wav")) {
                nonBlank("stream.wavPath", s.wavPath());
            } else if (s.wavPath() != null) {
                problems.add("stream.wavPath is set but stream.sink is \"" + s.sink() + "\", not \"wav\"");
            }
        }
        matches("stream.source", s.source(), SOURCE, "is not silence, sine, pink, sweep, file:PATH or alsa:DEVICE");
        if (present("stream.sampleRate", s.sampleRate()) && dac != null && dac.sampleRates() != null
                && !dac.sampleRates().contains(s.sampleRate())) {
            problems.add("stream.sampleRate = " + s.sampleRate() + " is not one of the DAC's rates " + dac.sampleRates());
        }
        if (present("stream.format", s.format()) && dac != null && dac.formats() != null
                && !dac.formats().contains(s.format())) {
            problems.add("stream.format = \"" + s.format() + "\" is not one of the DAC's formats " + dac.formats());
        }
        range("stream.periodFrames", s.periodFrames(), 32, 1024);
        range("stream.periods", s.periods(), 2, 16);
        range("stream.realtimePriority", s.realtimePriority(), 0, 99);
        range("stream.nice", s.nice(), -20, 19);
        if (s.dither() != null) {
            oneOf("stream.dither", s.dither(), DitherMode.words());
        }
    }

    private void outputs(List<BoardConfig.Output> outputs, Integer channels) {
        if (outputs.isEmpty()) {
            problems.add("outputs is empty; name at least one DAC channel");
        }
        Map<Integer, Integer> channelAt = new HashMap<>();
        Map<String, Integer> speakerAt = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            String p = "outputs[" + i + "]";
            BoardConfig.Output o = outputs.get(i);
            if (!present(p, o)) {
                continue;
            }
            if (range(p + ".channel", o.channel(), 0, channels == null ? 31 : channels - 1)) {
                Integer earlier = channelAt.putIfAbsent(o.channel(), i);
                if (earlier != null) {
                    problems.add(p + ".channel = " + o.channel() + " is already used by outputs[" + earlier + "]");
                }
            }
            if (kebab(p + ".speaker", o.speaker())) {
                Integer earlier = speakerAt.putIfAbsent(o.speaker(), i);
                if (earlier != null) {
                    problems.add(p + ".speaker = \"" + o.speaker() + "\" is already used by outputs[" + earlier + "]");
                }
            }
            oneOf(p + ".role", o.role(), ROLES);
            range(p + ".ceilingDbtp", o.ceilingDbtp(), LimiterParams.MIN_CEILING_DBTP, LimiterParams.MAX_CEILING_DBTP,
                    "dBTP");
            if (o.minHighpassHz() != null) {
                range(p + ".minHighpassHz", o.minHighpassHz(), 10, 20000, "Hz");
            }
            if ("tweeter".equals(o.role())) {
                if (o.minHighpassHz() == null) {
                    problems.add(p + ".minHighpassHz is missing; a tweeter must never get bass (at least "
                            + (int) TWEETER_MIN_HIGHPASS_HZ + " Hz)");
                } else if (o.minHighpassHz() < TWEETER_MIN_HIGHPASS_HZ) {
                    problems.add(p + ".minHighpassHz = " + o.minHighpassHz() + " is below "
                            + (int) TWEETER_MIN_HIGHPASS_HZ + " Hz, too low for a tweeter");
                }
            }
        }
    }

    private void gpio(BoardConfig.Gpio g, BoardConfig b) {
        Map<Integer, String> reserved = new HashMap<>();
        HAT_ID_PINS.forEach(pin -> reserved.put(pin, "the HAT ID EEPROM"));
        boolean i2s = b.dac() != null && "i2s".equals(b.dac().bus());
        if (i2s || b.i2cMute() != null) {
            I2C_PINS.forEach(pin -> reserved.put(pin, "I2C"));
        }
        if (i2s) {
            I2S_PINS.forEach(pin -> reserved.put(pin, "I2S"));
        }
        if (b.dac() != null && b.dac().reservedPins() != null) {
            b.dac().reservedPins().forEach(pin -> reserved.putIfAbsent(pin, "the DAC (dac.reservedPins)"));
        }
        Map<Integer, String> used = new HashMap<>();
        if (present("gpio.profileButtons", g.profileButtons())) {
            if (g.profileButtons().size() != 2) {
                problems.add("gpio.profileButtons has " + g.profileButtons().size() + " pins; give exactly 2");
            }
            for (int i = 0; i < g.profileButtons().size(); i++) {
                pin("gpio.profileButtons[" + i + "]", g.profileButtons().get(i), reserved, used);
            }
        }
        if (present("gpio.encoder", g.encoder())) {
            pin("gpio.encoder.a", g.encoder().a(), reserved, used);
            pin("gpio.encoder.b", g.encoder().b(), reserved, used);
            pin("gpio.encoder.push", g.encoder().push(), reserved, used);
        }
        pin("gpio.ampEnable", g.ampEnable(), reserved, used);
        pin("gpio.mute", g.mute(), reserved, used);
        pin("gpio.statusLed", g.statusLed(), reserved, used);
    }

    private void pin(String path, Integer pin, Map<Integer, String> reserved, Map<Integer, String> used) {
        if (!range(path, pin, 0, 27)) {
            return;
        }
        if (reserved.containsKey(pin)) {
            problems.add(path + " = " + pin + " is taken by " + reserved.get(pin));
        }
        String earlier = used.putIfAbsent(pin, path);
        if (earlier != null) {
            problems.add(path + " = " + pin + " is already used by " + earlier);
        }
    }

    private void i2cMute(BoardConfig.I2cMute m) {
        range("i2cMute.bus", m.bus(), 0, 22);
        range("i2cMute.address", m.address(), 0x03, 0x77);
        range("i2cMute.register", m.register(), 0, 255);
        range("i2cMute.muteValue", m.muteValue(), 0, 255);
        range("i2cMute.unmuteValue", m.unmuteValue(), 0, 255);
        if (m.muteValue() != null && m.muteValue().equals(m.unmuteValue())) {
            problems.add("i2cMute.unmuteValue = " + m.unmuteValue() + " is the same as i2cMute.muteValue");
        }
    }

    private void configTxt(BoardConfig b) {
        if (!present("configTxt", b.configTxt())) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < b.configTxt().size(); i++) {
            String line = b.configTxt().get(i);
            String p = "configTxt[" + i + "]";
            if (matches(p, line, CONFIG_LINE, "is not a config.txt line (name=value or [section])") && !seen.add(line)) {
                problems.add(p + " = \"" + line + "\" is repeated");
            }
        }
        boolean i2s = b.dac() != null && "i2s".equals(b.dac().bus());
        if (i2s && b.configTxt().stream().noneMatch(l -> l.startsWith("dtoverlay="))) {
            problems.add("configTxt has no dtoverlay= line; an I2S DAC needs its overlay");
        }
    }

    private boolean present(String path, Object value) {
        if (value == null) {
            problems.add(path + " is missing");
            return false;
        }
        return true;
    }

    private boolean nonBlank(String path, String value) {
        if (!present(path, value)) {
            return false;
        }
        if (value.isBlank()) {
            problems.add(path + " is blank");
            return false;
        }
        return true;
    }

    private boolean kebab(String path, String value) {
        return nonBlank(path, value) && matches(path, value, KEBAB, "is not kebab-case (a-z, 0-9, single dashes)");
    }

    private boolean matches(String path, String value, Pattern pattern, String why) {
        if (!present(path, value)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(path + " = \"" + value + "\" " + why);
            return false;
        }
        return true;
    }

    private <T> boolean oneOf(String path, T value, List<T> allowed) {
        if (!present(path, value)) {
            return false;
        }
        if (!allowed.contains(value)) {
            String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
            problems.add(path + " = " + shown + " is not one of "
                    + allowed.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            return false;
        }
        return true;
    }

    private boolean range(String path, Integer value, int min, int max) {
        if (!present(path, value)) {
            return false;
        }
        if (value < min || value > max) {
            problems.add(path + " = " + value + " is outside " + min + ".." + max);
            return false;
        }
        return true;
    }

    private void range(String path, Double value, double min, double max, String unit) {
        if (present(path, value) && !(value >= min && value <= max)) {
            problems.add(path + " = " + value + " is outside " + fmt(min) + ".." + fmt(max) + " " + unit);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private <T> void nonEmptyUnique(String path, List<T> values) {
        if (values.isEmpty()) {
            problems.add(path + " is empty");
        } else if (new HashSet<>(values).size() != values.size()) {
            problems.add(path + " = " + values + " has repeated entries");
        }
    }

    private void link(BoardConfig.Link l) {
        if (l.mqtt() != null && !l.mqtt().equals("embedded") && !BoardConfig.Link.BROKER_URI.matcher(l.mqtt()).matches()) {
            problems.add("link.mqtt = \"" + l.mqtt() + "\" is not a broker address; allowed: tcp://HOST:PORT,"
                    + " ssl://HOST:PORT or embedded");
        }
        if (l.serial() != null) {
            nonBlank("link.serial", l.serial());
        }
        if (l.unitId() != null && !l.unitId().matches("[a-z0-9]+(-[a-z0-9]+)*") || l.unitId() != null
                && l.unitId().length() > 32) {
            problems.add("link.unitId = \"" + l.unitId() + "\" is not 1..32 lower-case words of a-z 0-9 joined by"
                    + " single hyphens");
        }
        if (l.web() != null) {
            try {
                WebAddress.parse("link.web", l.web());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

}
