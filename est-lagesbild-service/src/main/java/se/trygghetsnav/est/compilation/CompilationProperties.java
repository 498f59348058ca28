package se.trygghetsnav.est.compilation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a week is compiled.
 *
 * @param hotSpotMinEntries how many entries a place or grid cell needs in a week to count as a hot spot
 * @param hotSpotLimit how many hot spot places and cells the compiled week lists at most (the strongest first)
 */
@ConfigurationProperties("trygghetsnav.est.compilation")
public record CompilationProperties(@DefaultValue("2") int hotSpotMinEntries, @DefaultValue("10") int hotSpotLimit) {
}
