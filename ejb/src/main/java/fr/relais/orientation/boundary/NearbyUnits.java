package fr.relais.orientation.boundary;

import fr.relais.directory.boundary.Communes;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.control.Commune;
import fr.relais.directory.entity.Unit;
import fr.relais.forwarding.control.CompetenceRule;
import fr.relais.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The units near a commune, for citizens: the unit competent for facts in the commune (the
 * forwarding's own rule, {@link CompetenceRule}, for a territorial matter), then the other units of
 * its intercommunality (EPCI) and of its department, with their public details. The official data
 * has no coordinates: no distance is computed.
 */
@Stateless
@PermitAll
public class NearbyUnits {
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern INSEE = Pattern.compile("(?i)\\d{5}|2[AB]\\d{3}|\\d[0-9AB]\\d{3}");

    @EJB
    Communes communes;

    @EJB
    Directory directory;

    /** A commune as the citizen chooses it. */
    public record Place(String insee, String name, List<String> postalCodes, String department, String departmentName) {
        static Place of(Commune c) {
            return new Place(c.insee(), c.name(), c.postalCodes(), c.department(), c.departmentName());
        }
    }

    /** A unit's public details (only those a public source gave; none invented). */
    public record NearbyUnit(
            String code, String name, String kind, String commune, String address, String phone, String openingHours) {
        static NearbyUnit of(Unit u) {
            return new NearbyUnit(
                    u.code(), u.name(), u.kind().name(), u.commune(), u.address(), u.phone(), u.openingHours());
        }
    }

    /**
     * The answer: either {@code choices} (several communes have the postal code or the name: the
     * citizen chooses one, no units yet) or the {@code commune} with its units.
     *
     * @param competent the unit competent for the commune, null when the directory has none
     * @param competenceReason why that unit, in French
     * @param intercommunality the other stations and brigades covering a commune of the same EPCI
     * @param department the department's other units
     */
    public record Answer(
            Place commune,
            List<Place> choices,
            String epciName,
            NearbyUnit competent,
            String competenceReason,
            List<NearbyUnit> intercommunality,
            List<NearbyUnit> department) {
        public boolean needsChoice() {
            return commune == null;
        }
    }

    /** By postal code or by commune (INSEE code or name); exactly one of the two. */
    public Answer near(String postalCode, String commune) {
        boolean byPostalCode = postalCode != null && !postalCode.isBlank();
        boolean byCommune = commune != null && !commune.isBlank();
        if (byPostalCode == byCommune) {
            throw DomainException.invalid("missing_place", "Indiquez un code postal ou une commune (l'un ou l'autre).");
        }
        List<Commune> found = byPostalCode ? byPostalCode(postalCode.strip()) : byCommune(commune.strip());
        List<Commune> covered = found.stream().filter(Commune::covered).toList();
        if (covered.isEmpty()) {
            throw DomainException.invalid(
                    "territory_not_covered",
                    "Cette collectivité d'outre-mer n'est pas couverte : appelez le 17 en cas d'urgence.");
        }
        if (covered.size() > 1) {
            return new Answer(null, covered.stream().map(Place::of).toList(), null, null, null, List.of(), List.of());
        }
        return around(covered.get(0));
    }

    private List<Commune> byPostalCode(String postalCode) {
        if (!POSTAL_CODE.matcher(postalCode).matches()) {
            throw DomainException.invalid("invalid_postal_code", "Un code postal s'écrit avec 5 chiffres.");
        }
        List<Commune> found = withoutCitiesOfTheirDistricts(communes.withPostalCode(postalCode));
        if (found.isEmpty()) {
            throw DomainException.invalid(
                    "unknown_postal_code", "Aucune commune n'a le code postal " + postalCode + ".");
        }
        return found;
    }

    private List<Commune> byCommune(String commune) {
        if (commune.length() > 60) {
            throw DomainException.invalid("invalid_commune", "Nom de commune trop long (60 caractères au plus).");
        }
        if (INSEE.matcher(commune).matches()) {
            Optional<Commune> located = communes.locate(commune.toUpperCase(), null, null);
            if (located.isEmpty()) {
                throw DomainException.invalid("unknown_commune", "Aucune commune n'a le code INSEE " + commune + ".");
            }
            return List.of(located.get());
        }
        List<Commune> named = withoutCitiesOfTheirDistricts(communes.named(commune));
        if (named.isEmpty()) {
            throw DomainException.invalid(
                    "unknown_commune", "Commune introuvable : vérifiez son nom, ou cherchez-la par son code postal.");
        }
        return named;
    }

    /** Where a district of Paris, Lyon or Marseille matches, the city itself is no choice. */
    private static List<Commune> withoutCitiesOfTheirDistricts(List<Commune> found) {
        Set<String> cities = found.stream()
                .filter(c -> c.type() == Commune.Type.MUNICIPAL_DISTRICT)
                .map(Commune::parentInsee)
                .collect(Collectors.toSet());
        return found.stream().filter(c -> !cities.contains(c.insee())).toList();
    }

    private Answer around(Commune commune) {
        Optional<CompetenceRule.Decision> decision = CompetenceRule.decide(commune, null, new CompetenceRule.Units() {
            @Override
            public List<Unit> covering(Set<String> insee) {
                return directory.unitsCoveringCommunes(insee);
            }

            @Override
            public List<Unit> ofDepartment(String department, Set<Unit.Kind> kinds) {
                return directory.unitsOfDepartment(department, kinds);
            }
        });
        Set<String> shown = new LinkedHashSet<>();
        decision.ifPresent(d -> shown.add(d.unit().code()));
        Set<String> epci =
                communes.inEpci(commune.epci()).stream().map(Commune::insee).collect(Collectors.toSet());
        List<NearbyUnit> intercommunality = directory.unitsCoveringCommunes(epci).stream()
                .filter(u -> u.kind().territorial() && shown.add(u.code()))
                .map(NearbyUnit::of)
                .toList();
        List<NearbyUnit> department =
                directory.unitsOfDepartment(commune.department(), EnumSet.allOf(Unit.Kind.class)).stream()
                        .filter(u -> shown.add(u.code()))
                        .map(NearbyUnit::of)
                        .toList();
        return new Answer(
                Place.of(commune),
                List.of(),
                commune.epciName(),
                decision.map(d -> NearbyUnit.of(d.unit())).orElse(null),
                decision.map(CompetenceRule.Decision::reason).orElse(null),
                intercommunality,
                department);
    }
}
