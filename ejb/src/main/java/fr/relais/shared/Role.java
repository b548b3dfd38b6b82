package fr.relais.shared;

/** Role names, as the identity store returns them and as {@code @RolesAllowed} checks them. */
public final class Role {
    public static final String OPERATOR = "OPERATOR";
    public static final String PSYCHOLOGIST = "PSYCHOLOGIST";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String UNIT_AGENT = "UNIT_AGENT";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    /**
     * The only group of an account whose password was set by an administrator and not changed yet:
     * it may change its password and nothing else.
     */
    public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";

    /** The roles an administrator gives. */
    public static final java.util.Set<String> ALL =
            java.util.Set.of(OPERATOR, PSYCHOLOGIST, SUPERVISOR, UNIT_AGENT, AUDITOR, ADMIN);

    private Role() {}
}
