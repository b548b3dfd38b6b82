package fr.relais.qualification.entity;

/**
 * Nature of the facts. Labels for screens live in the resource bundles ({@code category.<NAME>}); the
 * decision tables ({@code Priority.dmn}, {@code UnitKind.dmn}, {@code Validation.dmn}) name every code.
 */
public enum Category {
    DOMESTIC_VIOLENCE,
    SEXUAL_VIOLENCE,
    SEXUAL_VIOLENCE_MINOR,
    HARASSMENT,
    THREATS,
    ONLINE_SCAM,
    CARD_FRAUD,
    IDENTITY_THEFT,
    BURGLARY,
    THEFT,
    VEHICLE_THEFT,
    DAMAGE,
    DRUG_TRAFFICKING,
    WEAPONS,
    RADICALISATION,
    DISAPPEARANCE,
    DISAPPEARANCE_MINOR,
    ROAD_OFFENCE,
    DISCRIMINATION,
    ANIMAL_MISTREATMENT,
    OTHER
}
