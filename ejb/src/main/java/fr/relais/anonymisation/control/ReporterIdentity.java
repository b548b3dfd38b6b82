package fr.relais.anonymisation.control;

/** What the citizen typed in the identity fields of the report; every field may be null. */
public record ReporterIdentity(String firstName, String lastName, String phone, String email, String address) {

    private static final ReporterIdentity EMPTY = new ReporterIdentity(null, null, null, null, null);

    public static ReporterIdentity empty() {
        return EMPTY;
    }
}
