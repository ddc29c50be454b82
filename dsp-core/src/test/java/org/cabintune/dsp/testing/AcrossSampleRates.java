package org.cabintune.dsp.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs a test method taking one {@code int sampleRate} at each of {@link SampleRates#ALL}
 * (the same constants, so the two lists cannot drift apart).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0} Hz")
@ValueSource(ints = {SampleRates.CD, SampleRates.DEFAULT, SampleRates.HI_RES})
public @interface AcrossSampleRates {
}
