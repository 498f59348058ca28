package se.trygghetsnav.commons.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a MongoDB document type whose documents belong to organisations. Every read and write of its
 * collection is then limited to the caller's organisation (see {@link TenantScopedDatabases}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface TenantOwned {

    /**
     * The field naming the owner: a single organisation id, or an array of the organisation ids that may
     * read the document (e.g. an EST group's members).
     */
    String field() default "organisationId";
}
