/**
 * Auditioning masters in a real car: {@link org.cabintune.tuner.audition.AuditionSession}, the
 * API the CLI ({@code cabintune audition}) and the desktop GUI share, over the link to a head
 * unit that plays, A/Bs loudness-matched and previews platforms (docs/audition.md).
 */
package org.cabintune.tuner.audition;
