package fr.relais.qualification.entity;

/**
 * The kind of unit competent for a report, as {@code UnitKind.dmn} decides it from the category: the
 * territorial unit covering the commune, or a specialised one.
 */
public enum UnitKind {
    TERRITORIAL,
    DRUG_UNIT,
    FAMILY_PROTECTION_UNIT,
    CYBER_UNIT
}
