/** JMH benchmarks of the fixed-point kernels and the reference chain. */
package org.cabintune.bench;
