package fr.relais.anonymisation.control;

import static fr.relais.anonymisation.control.Detections.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StructuredDetectorsTest {

    @Test
    void phonesAreFoundWhateverTheSeparators() {
        PhoneDetector phones = new PhoneDetector();
        assertThat(values(phones, "tel 06 12 34 56 78, 06.12.34.56.78 ou 06-12-34-56-78 ou 0612345678"))
                .containsExactly("06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678");
        assertThat(values(phones, "+33 6 12 34 56 78 / +33 (0)6 12 34 56 78 / 0033 6 12 34 56 78"))
                .containsExactly("+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "0033 6 12 34 56 78");
        assertThat(values(phones, "appel du +44 7911 123456")).containsExactly("+44 7911 123456");
    }

    @Test
    void incompleteNumbersAreNotPhones() {
        PhoneDetector phones = new PhoneDetector();
        assertThat(values(phones, "le 06 12 34 56, numéro incomplet")).isEmpty();
        assertThat(values(phones, "référence 0612 3456 7890 1234 5678")).isEmpty();
    }

    @Test
    void unallocatedNumbersShapedAsFrenchPhonesFailClosed() {
        PhoneDetector phones = new PhoneDetector();
        assertThat(PhoneDetector.isValid("07 12 34 56 78")).isFalse();
        assertThat(values(phones, "appelle le 07 12 34 56 78 ou le 01.99.00.12.34"))
                .containsExactlyInAnyOrder("07 12 34 56 78", "01.99.00.12.34");
        assertThat(values(phones, "+33 (0)7 00 84 19 89, 0033 6 39 11 18 85, 0262116478"))
                .containsExactlyInAnyOrder("+33 (0)7 00 84 19 89", "0033 6 39 11 18 85", "0262116478");
    }

    @Test
    void nirNeedsItsKeyAndKnowsCorsica() {
        NirDetector nir = new NirDetector();
        assertThat(values(nir, "NIR 1 85 05 78 006 084 91.")).containsExactly("1 85 05 78 006 084 91");
        assertThat(values(nir, "NIR 185057800608491")).containsExactly("185057800608491");
        assertThat(values(nir, "NIR 1 85 10 2A 004 012 53")).containsExactly("1 85 10 2A 004 012 53");
        assertThat(values(nir, "NIR 2 90 06 2B 033 021 06")).containsExactly("2 90 06 2B 033 021 06");
        assertThat(values(nir, "NIR 1 85 05 78 006 084 92")).isEmpty();
        assertThat(values(nir, "NIR 1 85 10 2B 004 012 53")).isEmpty();
    }

    @Test
    void ibanNeedsItsCheckDigitsAndStopsAtTheCountryLength() {
        IbanDetector iban = new IbanDetector();
        assertThat(values(iban, "IBAN FR76 3000 6000 0112 3456 7890 189 merci"))
                .containsExactly("FR76 3000 6000 0112 3456 7890 189");
        assertThat(values(iban, "FR7630006000011234567890189")).containsExactly("FR7630006000011234567890189");
        assertThat(values(iban, "GB29 NWBK 6016 1331 9268 19")).containsExactly("GB29 NWBK 6016 1331 9268 19");
        assertThat(values(iban, "FR76 3000 6000 0112 3456 7890 188")).isEmpty();
        assertThat(values(iban, "FR76 3000 6000 0112 3456 7890 189 1234"))
                .containsExactly("FR76 3000 6000 0112 3456 7890 189");
    }

    @Test
    void cardsNeedLuhnAndANetworkDigit() {
        PaymentCardDetector cards = new PaymentCardDetector();
        assertThat(values(cards, "carte 4970 1000 0000 0014 exp")).containsExactly("4970 1000 0000 0014");
        assertThat(values(cards, "carte 4970-1000-0000-0014")).containsExactly("4970-1000-0000-0014");
        assertThat(values(cards, "amex 378282246310005")).containsExactly("378282246310005");
        assertThat(values(cards, "carte 4970 1000 0000 0015")).isEmpty();
        assertThat(values(cards, "0000 0000 0000 0000")).isEmpty();
    }

    @Test
    void platesInBothFormatsButNotWithForbiddenLetters() {
        LicencePlateDetector plates = new LicencePlateDetector();
        assertThat(values(plates, "GH-452-KL, AB 123 CD et EF456GH"))
                .containsExactly("GH-452-KL", "AB 123 CD", "EF456GH");
        assertThat(values(plates, "vieille plaque 4521 TX 93 et 123 ABC 2A"))
                .containsExactly("4521 TX 93", "123 ABC 2A");
        assertThat(values(plates, "OI-123-UA et AB-000-CD et AB-123 CD")).isEmpty();
    }

    @Test
    void ipv4AndIpv6ButNotVersionsOrTimes() {
        IpAddressDetector ips = new IpAddressDetector();
        assertThat(values(ips, "depuis 185.220.101.45. Puis 2a01:e0a:5b3:41c0::1 et ::1"))
                .containsExactly("185.220.101.45", "2a01:e0a:5b3:41c0::1");
        assertThat(values(ips, "2001:0db8:0000:0000:0000:ff00:0042:8329")).hasSize(1);
        assertThat(values(ips, "version 10.4.2.1, 300.1.2.3, 10:15:00, 1.2.3.4.5"))
                .isEmpty();
    }

    @Test
    void emailsIncludingCapitalsAndSubAddresses() {
        EmailDetector emails = new EmailDetector();
        assertThat(values(emails, "écrire à J.DUPONT@WANADOO.FR, ou a.b+test@mairie-quimper.fr."))
                .containsExactly("J.DUPONT@WANADOO.FR", "a.b+test@mairie-quimper.fr");
        assertThat(values(emails, "pas un mail: user@localhost ou @pseudo")).isEmpty();
    }

    @Test
    void socialHandlesUrlsAndAnnouncedHandles() {
        SocialHandleDetector social = new SocialHandleDetector();
        assertThat(values(social, "profil https://www.instagram.com/lea_93. Et tiktok.com/@ines.m_2011"))
                .containsExactly("https://www.instagram.com/lea_93", "tiktok.com/@ines.m_2011");
        assertThat(values(social, "(@marie.legoff) mais pas jean@mail.fr")).containsExactly("@marie.legoff");
        assertThat(values(social, "Snapchat (snap: dr_livraison_31)")).containsExactly("dr_livraison_31");
        assertThat(values(social, "le compte bancaire, compte principal, compte DE89 3704"))
                .isEmpty();
    }

    @Test
    void identifiersWhoseCheckFailsAreRedactedOnTheirShapeAndCanBeReleased() {
        Anonymiser anonymiser = new Anonymiser("s".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String text = "NIR 1 85 05 78 006 084 92, IBAN FR76 3000 6000 0112 3456 7890 188, carte 4970 1000 0000 0015.";
        List<DetectedEntity> found = anonymiser.detect(text, ReporterIdentity.empty());
        assertThat(found)
                .extracting(DetectedEntity::type, DetectedEntity::value)
                .containsExactly(
                        tuple(EntityType.NIR, "1 85 05 78 006 084 92"),
                        tuple(EntityType.IBAN, "FR76 3000 6000 0112 3456 7890 188"),
                        tuple(EntityType.PAYMENT_CARD, "4970 1000 0000 0015"));
        assertThat(anonymiser
                        .anonymise(text, ReporterIdentity.empty(), Policy.failClosed())
                        .text())
                .isEqualTo("NIR [NIR 1], IBAN [IBAN 1], carte [CARTE 1].");
        assertThat(anonymiser
                        .anonymise(
                                text,
                                ReporterIdentity.empty(),
                                Policy.failClosed().releasing(Set.of(2)))
                        .text())
                .isEqualTo("NIR [NIR 1], IBAN [IBAN 1], carte 4970 1000 0000 0015.");
        // a valid identifier keeps its checked type; a longer run of groups is not a card
        assertThat(anonymiser.detect("réf 0612 3456 7890 1234 5678", ReporterIdentity.empty()))
                .extracting(DetectedEntity::type)
                .doesNotContain(EntityType.PAYMENT_CARD);
    }

    @Test
    void pseudonymsShapedAsHandlesNeedNoCue() {
        SocialHandleDetector social = new SocialHandleDetector();
        assertThat(values(social, "Sur insta il s'appelle nafissatou_29 ou petit.zoe2006, parfois awa.b16."))
                .containsExactly("nafissatou_29", "petit.zoe2006", "awa.b16");
        assertThat(values(social, "voir le site mairie.fr, la photo img_2024.jpg, la version v1.2 et le 12.5"))
                .isEmpty();
    }

    @Test
    void datesAreBirthDatesOnlyWithABirthCue() {
        DateOfBirthDetector dates = new DateOfBirthDetector();
        assertThat(values(dates, "née le 3 mars 1972 à Lyon")).containsExactly("3 mars 1972");
        assertThat(values(dates, "né à Ajaccio le 1er octobre 1985")).containsExactly("1er octobre 1985");
        assertThat(values(dates, "date de naissance : 21/06/1979")).containsExactly("21/06/1979");
        assertThat(values(dates, "ne le 04.07.2001")).containsExactly("04.07.2001");
        assertThat(values(dates, "les faits du 12/03/2024")).isEmpty();
        assertThat(values(dates, "je ne sais pas, le 12/03/2024")).isEmpty();
        assertThat(values(dates, "il est né en 2012")).isEmpty();
    }
}
