package fr.relais.anonymisation.control;

public enum Operator {
    /** "[NOM 1]", "[TÉLÉPHONE 2]": the same value gets the same number within one text. */
    PLACEHOLDER,
    /** Every letter and digit replaced by '*', separators kept. */
    MASK,
    /** "[TÉLÉPHONE 3f9a1c02e7]": keyed HMAC, so authorised staff can link two reports without the value. */
    PSEUDONYM
}
