package org.cabintune.hu.controls;

/** Steps through the stored listening profiles: the profile buttons' end of the profile store. */
@FunctionalInterface
public interface ProfileSelector {

    /** Selects the profile {@code delta} places after the current one (negative: before), wrapping around. */
    void step(int delta);
}
