package org.cabintune.tuner.unit;

import picocli.CommandLine.Option;

/** {@code --unit UNIT}: which head unit, by the id in its topics; the cable needs none. */
public final class UnitOption {

    @Option(names = "--unit", paramLabel = "UNIT", description = "The unit's id (required with --mqtt).")
    String id;

    /** The unit's id, or null when none was given. */
    public String id() {
        return id;
    }
}
