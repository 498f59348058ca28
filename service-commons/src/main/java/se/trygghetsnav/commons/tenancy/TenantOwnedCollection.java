package se.trygghetsnav.commons.tenancy;

/**
 * Declares a collection without a mapped document type (e.g. a projection written as raw documents) as
 * belonging to organisations through {@code ownerField}. Declare it as a bean.
 */
public record TenantOwnedCollection(String collection, String ownerField) {
}
