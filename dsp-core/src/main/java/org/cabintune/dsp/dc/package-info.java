/**
 * DC removal: {@link org.cabintune.dsp.dc.DcBlocker}, a first-order high-pass at a few Hz with
 * full-precision state, and its double twin.
 */
package org.cabintune.dsp.dc;
