package fr.relais.qualification.entity;

/** A report's priority as {@code Priority.dmn} decides it, P1 the highest. */
public enum Priority {
    P1,
    P2,
    P3,
    P4
}
