package fr.relais.directory.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real list of communes shipped with the application (no container). */
class CommuneIndexTest {
    static CommuneIndex communes;
    static long loadMillis;

    @BeforeAll
    static void load() {
        long start = System.nanoTime();
        communes = CommuneIndex.load();
        loadMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Communes loaded in " + loadMillis + " ms");
    }

    @Test
    void readsEveryEntryOfTheSourceVersion() {
        assertThat(communes.source()).isEqualTo("@etalab/decoupage-administratif 6.0.0");
        assertThat(communes.size()).isEqualTo(37_590);
    }

    @Test
    void describesACommuneWithItsTerritories() {
        Commune lyon = communes.byInsee("69123").orElseThrow();
        assertThat(lyon.name()).isEqualTo("Lyon");
        assertThat(lyon.type()).isEqualTo(Commune.Type.CURRENT);
        assertThat(lyon.departmentName()).isEqualTo("Rhône");
        assertThat(lyon.regionName()).isEqualTo("Auvergne-Rhône-Alpes");
        assertThat(lyon.epci()).isEqualTo("200046977");
        assertThat(lyon.epciName()).isEqualTo("Métropole de Lyon");
        assertThat(lyon.population()).isGreaterThan(500_000);
        assertThat(lyon.timeZone()).isEqualTo("Europe/Paris");
    }

    @Test
    void acceptsEachPostalCodeOfACommuneThatHasSeveral() {
        for (String postal : List.of("13001", "13008", "13016")) {
            assertThat(communes.resolve(null, "Marseille", postal).insee()).isEqualTo("13055");
        }
        assertThat(communes.resolve("31555", null, "31500").postalCode()).isEqualTo("31500");
        assertThat(communes.byInsee("31555").orElseThrow().postalCodes()).hasSizeGreaterThan(1);
    }

    @Test
    void asksForThePostalCodeOnlyWhenTheCommuneHasSeveral() {
        assertThatThrownBy(() -> communes.resolve("13055", null, null))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_postal_code");
        // Lodève has one postal code: the INSEE code alone is enough
        assertThat(communes.resolve("34142", null, null).postalCode()).isEqualTo("34700");
    }

    @Test
    void tellsCommunesApartThatShareAPostalCode() {
        List<Commune> shared = communes.search("01300", 20);
        assertThat(shared).extracting(Commune::insee).contains("01015", "01034");
        assertThat(communes.resolve(null, "Arboys en Bugey", "01300").insee()).isEqualTo("01015");
        assertThat(communes.resolve(null, "Belley", "01300").insee()).isEqualTo("01034");
    }

    @Test
    void refusesAPostalCodeThatIsNotTheCommunes() {
        assertThatThrownBy(() -> communes.resolve(null, "Marseille", "75001"))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("postal_code_mismatch");
        assertThatThrownBy(() -> communes.resolve("97411", null, "97410"))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("postal_code_mismatch");
    }

    @Test
    void refusesAnUnknownCommune() {
        assertThatThrownBy(() -> communes.resolve(null, "X", "75001"))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_commune");
        assertThatThrownBy(() -> communes.resolve("99999", null, null))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_commune");
    }

    @Test
    void takesParisAndEachOfItsDistricts() {
        assertThat(communes.resolve("75056", null, "75016").insee()).isEqualTo("75056");
        assertThat(communes.resolve("75056", null, "75116").insee()).isEqualTo("75056");
        IntStream.rangeClosed(101, 120).forEach(n -> {
            Commune district = communes.byInsee("75" + n).orElseThrow();
            assertThat(district.type()).isEqualTo(Commune.Type.MUNICIPAL_DISTRICT);
            assertThat(district.parentInsee()).isEqualTo("75056");
            assertThat(district.parentName()).isEqualTo("Paris");
            assertThat(communes.resolve(
                                    district.insee(),
                                    null,
                                    district.postalCodes().get(0))
                            .insee())
                    .isEqualTo("75" + n);
        });
        assertThat(communes.resolve(null, "Paris 16e Arrondissement", "75116").insee())
                .isEqualTo("75116");
    }

    @Test
    void takesTheDistrictsOfLyonAndMarseille() {
        Commune lyon1 = communes.byInsee("69381").orElseThrow();
        assertThat(lyon1.type()).isEqualTo(Commune.Type.MUNICIPAL_DISTRICT);
        assertThat(lyon1.parentInsee()).isEqualTo("69123");
        assertThat(communes.resolve("69381", null, "69001").insee()).isEqualTo("69381");
        Commune marseille8 = communes.byInsee("13208").orElseThrow();
        assertThat(marseille8.parentInsee()).isEqualTo("13055");
        assertThat(communes.resolve(null, "Marseille 8e Arrondissement", "13008")
                        .insee())
                .isEqualTo("13208");
        assertThatThrownBy(() -> communes.resolve("13208", null, "13001"))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("postal_code_mismatch");
    }

    @Test
    void mapsADelegatedCommuneToItsParent() {
        // Cordieux, associated commune of Montluel (01262); Arbignieu, delegated commune of Arboys en Bugey
        var cordieux = communes.resolve(null, "Cordieux", "01120");
        assertThat(cordieux.commune().type()).isEqualTo(Commune.Type.ASSOCIATED);
        assertThat(cordieux.insee()).isEqualTo("01262");
        assertThat(cordieux.name()).isEqualTo("Cordieux");
        var arbignieu = communes.search("arbignieu", 5).get(0);
        assertThat(arbignieu.type()).isEqualTo(Commune.Type.DELEGATED);
        assertThat(arbignieu.parentName()).isEqualTo("Arboys en Bugey");
        assertThat(arbignieu.postalCodes()).containsExactly("01300");
        assertThat(arbignieu.placeInsee()).isEqualTo("01015");
        // the code the delegated commune shares names the current commune
        assertThat(communes.byInsee("01015").orElseThrow().name()).isEqualTo("Arboys en Bugey");
    }

    @Test
    void coversOverseasDepartmentsInTheirTimeZone() {
        Commune saintDenis = communes.byInsee("97411").orElseThrow();
        assertThat(saintDenis.name()).isEqualTo("Saint-Denis");
        assertThat(saintDenis.departmentName()).isEqualTo("La Réunion");
        assertThat(saintDenis.timeZone()).isEqualTo("Indian/Reunion");
        assertThat(communes.resolve(null, "saint denis", "97400").insee()).isEqualTo("97411");
        assertThat(communes.resolve(null, "Saint-Denis", "93200").insee()).isEqualTo("93066");
        assertThat(communes.timeZone("971")).isEqualTo(ZoneId.of("America/Guadeloupe"));
        assertThat(communes.timeZone("972")).isEqualTo(ZoneId.of("America/Martinique"));
        assertThat(communes.timeZone("973")).isEqualTo(ZoneId.of("America/Cayenne"));
        assertThat(communes.timeZone("976")).isEqualTo(ZoneId.of("Indian/Mayotte"));
        assertThat(communes.timeZone("2A")).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void refusesOverseasCollectivitiesClearly() {
        for (String insee : List.of("97502", "97701", "97801", "98613", "98735", "98818")) {
            Commune commune = communes.byInsee(insee).orElseThrow();
            assertThat(commune.covered()).as(insee).isFalse();
            assertThatThrownBy(() ->
                            communes.resolve(insee, null, commune.postalCodes().get(0)))
                    .as(insee)
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("territory_not_covered");
                        assertThat(e.getMessage()).contains("ne couvre pas");
                    });
        }
        assertThatThrownBy(() -> communes.resolve(null, "Saint-Pierre", "97500"))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("territory_not_covered");
        assertThatThrownBy(() -> communes.timeZone("975"))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("territory_not_covered");
    }

    @Test
    void searchesNamesWithoutAccentsHyphensOrSaint() {
        for (String query : List.of("st etienne", "Saint-Étienne", "SAINT ETIENNE", "st-étienne", "saint-etienne")) {
            assertThat(communes.search(query, 5).get(0).insee()).as(query).isEqualTo("42218");
        }
        assertThat(communes.search("l'hay les roses", 5).get(0).insee()).isEqualTo("94038");
        assertThat(communes.search("lhay", 5)).isEmpty();
        assertThat(communes.search("villeneuve d ascq", 5).get(0).insee()).isEqualTo("59009");
    }

    @Test
    void ranksExactNamesFirstThenByPopulation() {
        List<Commune> paris = communes.search("paris", 5);
        assertThat(paris.get(0).insee()).isEqualTo("75056");
        List<Commune> saintDenis = communes.search("saint denis", 10);
        assertThat(saintDenis.get(0).insee()).isEqualTo("97411"); // the most populated Saint-Denis
        assertThat(saintDenis.get(1).insee()).isEqualTo("93066");
        assertThat(saintDenis).allMatch(c -> CommuneIndex.key(c.name()).startsWith("st denis"));
    }

    @Test
    void searchesPostalCodesAndTheirFirstDigits() {
        // Saint-Étienne, then Rochetaillée, its associated commune, which has its postal codes
        assertThat(communes.search("42000", 5)).extracting(Commune::insee).containsExactly("42218", "42190");
        List<Commune> byPrefix = communes.search("974", 20);
        assertThat(byPrefix).hasSize(20).allMatch(c -> c.department().equals("974"));
        assertThat(communes.search("2A004", 5)).extracting(Commune::name).containsExactly("Ajaccio");
    }

    @Test
    void boundsTheAnswer() {
        assertThat(communes.search("saint", 500)).hasSize(CommuneIndex.MAX_RESULTS);
        assertThat(communes.search("", 10)).isEmpty();
        assertThat(communes.search("a".repeat(61), 10)).isEmpty();
        assertThat(communes.search("--", 10)).isEmpty();
    }

    @Test
    void keysIgnoreAccentsCaseAndSeparators() {
        assertThat(CommuneIndex.key("Saint-Étienne")).isEqualTo("st etienne");
        assertThat(CommuneIndex.key("Sainte-Marie-aux-Chênes")).isEqualTo("ste marie aux chenes");
        assertThat(CommuneIndex.key("L'Haÿ-les-Roses")).isEqualTo("l hay les roses");
        assertThat(CommuneIndex.key("Œuilly")).isEqualTo("oeuilly");
    }

    @Test
    void locatesTheCommuneOfAReportMadeBeforeTheInseeCodeWasStored() {
        assertThat(communes.locate("78297", null, null).map(Commune::name)).contains("Guyancourt");
        assertThat(communes.locate(null, "Guyancourt", "78280").map(Commune::insee))
                .contains("78297");
        assertThat(communes.locate(null, "guyancourt ", "78280").map(Commune::insee))
                .as("as typed before the list of communes")
                .contains("78297");
        assertThat(communes.locate(null, "Guyencourt", "78280").map(Commune::insee))
                .as("a misspelt name, but one commune has the postal code")
                .contains("78297");
        assertThat(communes.locate(null, null, "78460"))
                .as("two communes share the postal code: the place cannot be told")
                .isEmpty();
        assertThat(communes.locate(null, "Choisel", "78460").map(Commune::insee))
                .contains("78162");
        assertThat(communes.locate(null, "Nulle part", "99999")).isEmpty();
    }

    @Test
    void listsTheCommunesOfAPostalCode() {
        assertThat(communes.withPostalCode("78460")).extracting(Commune::insee).containsExactly("78160", "78162");
        assertThat(communes.withPostalCode("75015")).extracting(Commune::insee).contains("75115");
        assertThat(communes.withPostalCode(null)).isEmpty();
    }
}
