package se.trygghetsnav.est.group;

import se.trygghetsnav.commons.problem.ResourceNotFoundException;

/** The group has no such place. */
public class PlaceNotFoundException extends ResourceNotFoundException {

    public PlaceNotFoundException(Object placeId) {
        super("place", placeId);
    }
}
