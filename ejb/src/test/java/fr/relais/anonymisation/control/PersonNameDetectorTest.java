package fr.relais.anonymisation.control;

import static fr.relais.anonymisation.control.Detections.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNameDetectorTest {

    private final PersonNameDetector names = new PersonNameDetector();

    @Test
    void knownFirstNameWithItsSurname() {
        assertThat(values(names, "Mon ex, Jean-Marc Le Goff-Dubois, m'envoie des messages."))
                .containsExactly("Jean-Marc Le Goff-Dubois");
        assertThat(values(names, "le fils Kevin DURAND est là")).containsExactly("Kevin DURAND");
    }

    @Test
    void titlesAndPhrasesAnnounceUnknownSurnames() {
        assertThat(values(names, "mon voisin M. Lefèvre m'a dit")).containsExactly("Lefèvre");
        assertThat(values(names, "la famille Da Silva et Madame Da Silva")).containsExactly("Da Silva", "Da Silva");
        assertThat(values(names, "le chef se fait appeler Momo, il")).containsExactly("Momo");
        assertThat(values(names, "au nom de BOUZID.")).containsExactly("BOUZID");
        assertThat(values(names, "M. et Mme Perrin ont coupé")).containsExactly("Perrin");
    }

    @Test
    void lowerCaseNamesInChatStyleNeedACue() {
        assertThat(values(names, "mon copain kevin durand est bourré")).containsExactly("kevin durand");
        assertThat(values(names, "il a pris le kevin")).isEmpty();
    }

    @Test
    void firstNamesThatAreWordsNeedContext() {
        assertThat(values(names, "Elle est signée « Rose ». Je ne connais aucune Rose. Une enveloppe rose."))
                .containsExactly("Rose", "Rose");
        assertThat(values(names, "la Rose des Vents vend de l'huile d'olive")).isEmpty();
        assertThat(values(names, "Ma fille Olive a vu mon mari Pierre.")).containsExactly("Olive", "Pierre");
        assertThat(values(names, "Il a été dans la Marine, il vit en France et vient à Noël."))
                .isEmpty();
        assertThat(values(names, "Mme Rose Lemaire et Grâce Mbemba")).containsExactly("Rose Lemaire", "Grâce Mbemba");
    }

    @Test
    void streetsSchoolsAndCarsNamedAfterPeopleAreNotPeople() {
        assertThat(values(names, "au lycée Victor Hugo, collège Pierre Mendès France, une Renault Clio"))
                .isEmpty();
    }

    @Test
    void aNameFoundOnceIsFoundAgain() {
        assertThat(values(names, "Ma fille Jade pleure. Les parents de Jade sont inquiets."))
                .containsExactly("Jade", "Jade");
    }

    @Test
    void namesInCapitalsWithParticlesAndApostrophes() {
        assertThat(values(names, "Je soupçonne LE ROUX Théo et DOS SANTOS Marie-Claude."))
                .containsExactly("LE ROUX Théo", "DOS SANTOS Marie-Claude");
        assertThat(values(names, "Hier, Gwendal KONATÉ m'a menacé.")).containsExactly("Gwendal KONATÉ");
        assertThat(values(names, "Mon ex Jean-Baptiste N'Diaye et Mme O'CONNOR, puis M. d'Almeida"))
                .containsExactly("Jean-Baptiste N'Diaye", "O'CONNOR", "d'Almeida");
        assertThat(values(names, "C'est Imane de Villepin, je suis Ioana Van der Berg."))
                .containsExactly("Imane de Villepin", "Ioana Van der Berg");
        assertThat(values(names, "Envoyé par SMS au RSA, la CAF Paris")).isEmpty();
    }

    @Test
    void aLetterOpeningIsNotAName() {
        assertThat(values(names, "Madame, Monsieur, La semaine dernière il est venu."))
                .isEmpty();
    }

    @Test
    void properNounsNoListKnowsAreNamesUnlessTheyArePlacesOrBrands() {
        assertThat(values(names, "Un témoin, Svetlana Ferreira, a tout vu.")).containsExactly("Svetlana Ferreira");
        assertThat(values(new PersonNameDetector(false), "Un témoin, Svetlana Ferreira, a tout vu."))
                .isEmpty();
        assertThat(values(names, "Il habite à Saint-Denis, il a écrit à l'Assurance Maladie depuis sa Renault Master."))
                .isEmpty();
    }
}
