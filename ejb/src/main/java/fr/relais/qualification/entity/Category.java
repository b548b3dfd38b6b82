package fr.relais.qualification.entity;

/**
 * Nature of the facts: the taxonomy an operator qualifies a report with. The names are stable
 * codes, stored on reports and read by the decision tables (DMN) of {@code processes}: never rename
 * one without a migration and the tables. Labels and the short description the operator sees live
 * in the screens' bundle ({@code category.<CODE>} and {@code category.<CODE>.description}); the
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
