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
    void amountsAndBankCodesAreNotAddresses() {
        assertThat(values(addresses, "15000 euros, le code banque 30006, le guichet 00001"))
                .isEmpty();
        assertThat(values(addresses, "rue de la Paix sans numéro")).isEmpty();
    }
}
