package fr.relais.anonymisation.control;

import static fr.relais.anonymisation.control.Detections.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostalAddressDetectorTest {

    private final PostalAddressDetector addresses = new PostalAddressDetector();

    @Test
    void streetLineAndPostcodeWithCommuneAreSeparateSpans() {
        assertThat(values(addresses, "j'habite au 12 rue des Lilas, 75011 Paris. Mon"))
                .containsExactlyInAnyOrder("12 rue des Lilas", "75011 Paris");
    }

    @Test
    void streetNameStopsBeforeTheCommuneOrAVerb() {
        assertThat(values(addresses, "au 45 avenue Jean-Jaurès à Saint-Denis"))
                .containsExactly("45 avenue Jean-Jaurès");
        assertThat(values(addresses, "le 9 avenue Foch est utilisé")).containsExactly("9 avenue Foch");
        assertThat(values(addresses, "au 3 bis avenue Victor-Hugo, bâtiment C"))
                .containsExactly("3 bis avenue Victor-Hugo");
        assertThat(values(addresses, "17, rue Jules Ferry")).containsExactly("17, rue Jules Ferry");
    }

    @Test
    void communesWithArticlesAndHyphens() {
        assertThat(values(addresses, "85000 La Roche-sur-Yon et 76600 Le Havre, 13090 Aix-en-Provence"))
                .containsExactly("85000 La Roche-sur-Yon", "76600 Le Havre", "13090 Aix-en-Provence");
    }

    @Test
    void aNumberedLineWithoutStreetTypeCountsOnlyBeforeAPostcode() {
        assertThat(values(addresses, "au 8 Les Cèdres, 13090 Aix-en-Provence"))
                .containsExactlyInAnyOrder("8 Les Cèdres", "13090 Aix-en-Provence");
        assertThat(values(addresses, "les 8 Cèdres du parc")).isEmpty();
    }

    @Test
    void everyStreetTypeInAnyCase() {
        assertThat(values(addresses, "J'habite au 17 bd voltaire à Lyon")).containsExactly("17 bd voltaire");
        assertThat(values(addresses, "au 40BIS ALLÉE DU 8 MAI 1945, 69100 Villeurbanne"))
                .containsExactlyInAnyOrder("40BIS ALLÉE DU 8 MAI 1945", "69100 Villeurbanne");
        assertThat(values(addresses, "au 322 ter square Pierre et Marie Curie et je"))
                .containsExactly("322 ter square Pierre et Marie Curie");
        assertThat(values(addresses, "Son adresse est 27 avenue du château d'eau. Il"))
                .containsExactly("27 avenue du château d'eau");
        assertThat(values(addresses, "mon adresse : 359 cité anatole france depuis deux ans"))
                .containsExactly("359 cité anatole france");
        assertThat(values(addresses, "au 12 impasse des lilas au 3e étage")).containsExactly("12 impasse des lilas");
    }

    @Test
    void hamletsAndLieuxDitsNeedNoNumber() {
        assertThat(values(addresses, "Elle habite lieu-dit Les Jardins de l'Orangerie, 22300 Lannion"))
                .containsExactlyInAnyOrder("lieu-dit Les Jardins de l'Orangerie", "22300 Lannion");
        assertThat(values(addresses, "au hameau voisin")).isEmpty();
    }

    @Test
    void lowerCaseNamesAfterAmbiguousTypesNeedAnAddressCue() {
        assertThat(values(addresses, "il a 3 cours de maths et 2 place de parking"))
                .isEmpty();
        assertThat(values(addresses, "j'habite au 18 ter cours carnot")).containsExactly("18 ter cours carnot");
    }

    @Test
    void amountsAndBankCodesAreNotAddresses() {
        assertThat(values(addresses, "15000 euros, le code banque 30006, le guichet 00001"))
                .isEmpty();
        assertThat(values(addresses, "rue de la Paix sans numéro")).isEmpty();
    }
}
