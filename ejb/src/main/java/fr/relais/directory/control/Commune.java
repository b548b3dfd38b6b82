package fr.relais.directory.control;

import java.util.List;

/**
 * A place of the official list of French communes: a current commune, a delegated or associated
 * commune (which belongs to its parent, a current commune), or a municipal district of Paris, Lyon
 * or Marseille (whose parent is the city). Both a city and its districts are valid places.
 *
 * @param insee the INSEE code (not unique: a delegated commune may share its parent's)
 * @param postalCodes the place's postal codes; a delegated or associated commune has its parent's
 * @param population municipal population, null when the source gives none (delegated, associated)
 * @param covered whether the platform covers the place (metropolitan France and the overseas
 *     departments 971–976, Saint-Pierre-et-Miquelon excepted); overseas collectivities are not
 * @param timeZone the time zone of the place's department, null when not covered
 */
public record Commune(
        String insee,
        Type type,
        String name,
        String parentInsee,
        String parentName,
        List<String> postalCodes,
        String department,
        String departmentName,
        String region,
        String regionName,
        String epci,
        String epciName,
        Integer population,
        boolean covered,
        String timeZone) {

    /** What kind of place; codes are those of the resource ({@code communes.tsv.gz}). */
    public enum Type {
        CURRENT,
        DELEGATED,
        ASSOCIATED,
        MUNICIPAL_DISTRICT;

        static Type of(String code) {
            return switch (code) {
                case "A" -> CURRENT;
                case "D" -> DELEGATED;
                case "S" -> ASSOCIATED;
                case "M" -> MUNICIPAL_DISTRICT;
                default -> throw new IllegalArgumentException("Unknown commune type " + code);
            };
        }
    }

    /**
     * The INSEE code a report stores for this place: its own, or its parent's for a delegated or
     * associated commune (whose code may be its parent's anyway). A district keeps its own code.
     */
    public String placeInsee() {
        return type == Type.DELEGATED || type == Type.ASSOCIATED ? parentInsee : insee;
    }

    public boolean hasPostalCode(String postalCode) {
        return postalCodes.contains(postalCode);
    }
}
