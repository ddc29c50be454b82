package org.cabintune.hu.store;

/**
 * A request the profile store refused: a name it cannot hold, a profile it does not have, one
 * profile too many, the active profile deleted. The message says what and why; nothing in the
 * store changed.
 */
public final class ProfileStoreException extends Exception {

    public ProfileStoreException(String message) {
        super(message);
    }
}
