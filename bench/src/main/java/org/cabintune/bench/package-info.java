/**
 * JMH benchmarks of the fixed-point kernels and the reference chain, and the arrival-time
 * accuracy of the sweep analysis against the virtual cabins ({@link ArrivalAccuracy}).
 */
package org.cabintune.bench;
