package org.cabintune.tuner.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.util.Locale;

/** The look of the tuner: FlatLaf light or dark, switchable while it runs. */
public enum Theme {
    LIGHT, DARK;

    /** The theme named {@code light} or {@code dark}; anything else is refused with the choices. */
    public static Theme parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "light" -> LIGHT;
            case "dark" -> DARK;
            default -> throw new IllegalArgumentException("theme '" + text + "' is not one of light, dark");
        };
    }

    /** Installs this look and feel; on the event thread, before any window or after (then every window is updated). */
    public void apply() {
        FlatLaf laf = this == DARK ? new FlatDarkLaf() : new FlatLightLaf();
        FlatLaf.setup(laf);
        FlatLaf.updateUI();
    }

    /** The theme in use now. */
    public static Theme current() {
        return FlatLaf.isLafDark() ? DARK : LIGHT;
    }

    /** The word for menus and options. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
