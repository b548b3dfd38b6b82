package fr.relais.shared;

/** Role names, as the identity store returns them and as {@code @RolesAllowed} checks them. */
public final class Role {
    public static final String OPERATOR = "OPERATOR";
    public static final String PSYCHOLOGIST = "PSYCHOLOGIST";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String UNIT_AGENT = "UNIT_AGENT";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    private Role() {}
}
