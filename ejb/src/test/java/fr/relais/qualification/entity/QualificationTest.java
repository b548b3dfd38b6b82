package fr.relais.qualification.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import org.junit.jupiter.api.Test;

class QualificationTest {
    static Qualification at(String postalCode, String commune, String insee) {
        return new Qualification(
                Category.ONLINE_SCAM,
                postalCode,
                commune,
                FactsTime.unknown(),
                Urgency.NORMAL,
                false,
                false,
                true,
                false,
                "Faux conseiller bancaire.",
                null,
                insee);
    }

    static String refusal(Qualification q) {
        try {
            q.validated();
            return null;
        } catch (DomainException e) {
            return e.code();
        }
    }

    @Test
    void anInseeCodeNeedsNoNameAndNoPostalCode() {
        assertThat(refusal(at(null, null, "97411"))).isNull();
        assertThat(refusal(at("97417", null, "97411"))).isNull();
    }

    @Test
    void aNameNeedsItsPostalCode() {
        assertThat(refusal(at("97400", "Saint-Denis", null))).isNull();
        assertThat(refusal(at(null, "Saint-Denis", null))).isEqualTo("invalid_postal_code");
        assertThat(refusal(at("97400", " ", null))).isEqualTo("invalid_commune");
    }

    @Test
    void refusesMalformedCodes() {
        assertThat(refusal(at("974", null, "97411"))).isEqualTo("invalid_postal_code");
        assertThat(refusal(at(null, null, "974110"))).isEqualTo("invalid_commune");
    }

    @Test
    void keepsEverythingButThePlaceWhenPlaced() {
        Qualification placed = at(null, "saint denis", "97411").at("97411", "Saint-Denis", "97400");
        assertThat(placed.communeInsee()).isEqualTo("97411");
        assertThat(placed.commune()).isEqualTo("Saint-Denis");
        assertThat(placed.postalCode()).isEqualTo("97400");
        assertThat(placed.category()).isEqualTo(Category.ONLINE_SCAM);
        assertThat(placed.narrative()).isEqualTo("Faux conseiller bancaire.");
        assertThatThrownBy(() -> new Qualification(
                                null,
                                "97400",
                                "Saint-Denis",
                                null,
                                Urgency.NORMAL,
                                false,
                                false,
                                true,
                                false,
                                "Faits.",
                                null)
                        .validated())
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid_category");
    }
}
