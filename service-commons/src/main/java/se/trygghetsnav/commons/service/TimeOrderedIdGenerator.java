package se.trygghetsnav.commons.service;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** UUID version 7 (time-ordered) ids for aggregates and events, as conventions.md asks. */
public class TimeOrderedIdGenerator implements IdSource {

    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    @Override
    public UUID nextId() {
        return generator.generate();
    }
}
