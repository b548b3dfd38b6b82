package fr.relais.shared;

/** The two chat platforms of the service. */
public enum Platform {
    GENERALIST,
    VSS
}
