/**
 * Who may change the head unit: Ed25519 installer keys ({@link org.cabintune.link.security.Ed25519},
 * {@link org.cabintune.link.security.InstallerKey} on the tuner's side), the unit's
 * {@link org.cabintune.link.security.TrustStore} with a monotonic counter per key against
 * replay (persisted with {@link org.cabintune.link.security.AtomicFile}), and the physical
 * presence that pairing a new key needs ({@link org.cabintune.link.security.PresenceToken}).
 */
package org.cabintune.link.security;
