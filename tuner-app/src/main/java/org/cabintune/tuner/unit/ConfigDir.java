package org.cabintune.tuner.unit;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the installer key is kept: {@code --config-dir}, else the user's config directory. */
public final class ConfigDir {

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Where the installer key is kept (default: $XDG_CONFIG_HOME/cabintune or ~/.config/cabintune).")
    Path dir;

    Path resolve() {
        return InstallerKeyFile.directory(dir);
    }
}
