package fr.relais.appointment.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.shared.DomainException;
import org.junit.jupiter.api.Test;

class ContactsTest {
    @Test
    void oneContactHowEverItIsWritten() {
        assertThat(Contacts.normalised("06 12 34 56 78")).isEqualTo("+33612345678");
        assertThat(Contacts.normalised("+33 6 12 34 56 78")).isEqualTo("+33612345678");
        assertThat(Contacts.normalised("06.12.34.56.78")).isEqualTo("+33612345678");
        assertThat(Contacts.normalised(" Jean.Dupont@Exemple.FR ")).isEqualTo("jean.dupont@exemple.fr");
        assertThat(Contacts.bucket("+33612345678")).hasSize(4);
    }

    @Test
    void refusesWhatIsNeitherAnEmailNorAPhone() {
        assertThatThrownBy(() -> Contacts.normalised(" "))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("missing_contact"));
        assertThatThrownBy(() -> Contacts.normalised("nom@"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_email"));
        assertThatThrownBy(() -> Contacts.normalised("<script>@x.fr"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_email"));
        assertThatThrownBy(() -> Contacts.normalised("12 34"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_phone"));
    }

    @Test
    void bookingCodesAreTenUnambiguousCharactersReadLeniently() {
        String code = BookingCodes.next();
        assertThat(code).hasSize(10).matches("[" + BookingCodes.ALPHABET + "]+");
        assertThat(BookingCodes.normalised(code.toLowerCase().substring(0, 4) + "-" + code.substring(4)))
                .isEqualTo(code);
        assertThat(BookingCodes.normalised("O0I1L-ABCDE")).isNull();
        assertThat(BookingCodes.hash(code)).hasSize(64).isNotEqualTo(BookingCodes.hash(BookingCodes.next()));
    }
}
