package se.trygghetsnav.est.group;

/** What kind of organisation an EST group member is. */
public enum MemberKind {
    /** A department (förvaltning) or company of the municipality, e.g. socialförvaltningen, fritid. */
    MUNICIPAL_DEPARTMENT,
    /** The local police area (lokalpolisområde). */
    POLICE,
    /** A housing company (bostadsbolag), public or private. */
    HOUSING_COMPANY,
    /** A property owner or landlord that is not a housing company. */
    PROPERTY_OWNER,
    /** A security firm (bevakningsföretag, ordningsvakter). */
    SECURITY_COMPANY,
    /** An association, e.g. night walkers (nattvandrare), a sports club. */
    ASSOCIATION,
    /** A school or other education provider. */
    SCHOOL,
    /** Public transport, e.g. the regional transport authority or its operator. */
    PUBLIC_TRANSPORT,
    /** Anyone else. */
    OTHER
}
