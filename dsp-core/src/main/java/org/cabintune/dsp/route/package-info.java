/**
 * Routing between channel sets: the {@link org.cabintune.dsp.route.Router} interface for
 * stages whose output channel count differs from their input, and
 * {@link org.cabintune.dsp.route.Mixer}, an N-in, M-out gain matrix, with its double twin.
 */
package org.cabintune.dsp.route;
