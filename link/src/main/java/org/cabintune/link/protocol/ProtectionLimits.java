package org.cabintune.link.protocol;

/**
 * Limits the unit enforces whatever a driver asks: the loudest volume and the loudest test
 * signal. Installer-only to change.
 *
 * @param maxVolumeDb      highest volume a set-volume may reach, dB
 * @param maxTestLevelDbfs highest test-signal level, dBFS
 */
public record ProtectionLimits(double maxVolumeDb, double maxTestLevelDbfs) {

    public ProtectionLimits {
        Check.range("maxVolumeDb", maxVolumeDb, Command.MIN_VOLUME_DB, Command.MAX_VOLUME_DB);
        Check.range("maxTestLevelDbfs", maxTestLevelDbfs, Command.MIN_LEVEL_DBFS, Command.MAX_LEVEL_DBFS);
    }
}
