package fr.relais.qualification.entity;

/** Nature of the facts. Labels for screens live in the resource bundles ({@code category.<NAME>}). */
public enum Category {
    DOMESTIC_VIOLENCE,
    SEXUAL_VIOLENCE,
    HARASSMENT,
    THREATS,
    SCAM,
    IDENTITY_THEFT,
    DRUG_TRAFFICKING,
    THEFT,
    OTHER
}
