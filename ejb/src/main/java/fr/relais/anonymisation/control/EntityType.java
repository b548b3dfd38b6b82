package fr.relais.anonymisation.control;

public enum EntityType {
    PERSON_NAME("NOM"),
    EMAIL("E-MAIL"),
    PHONE("TÉLÉPHONE"),
    NIR("NIR"),
    IBAN("IBAN"),
    PAYMENT_CARD("CARTE"),
    LICENCE_PLATE("PLAQUE"),
    POSTAL_ADDRESS("ADRESSE"),
    DATE_OF_BIRTH("DATE DE NAISSANCE"),
    IP_ADDRESS("IP"),
    SOCIAL_HANDLE("RÉSEAU SOCIAL");

    private final String label;

    EntityType(String label) {
        this.label = label;
    }

    /** The French label used in placeholders, e.g. "TÉLÉPHONE" in "[TÉLÉPHONE 1]". */
    public String label() {
        return label;
    }
}
