package fr.relais.qualification.entity;

/** How urgent the operator judges the situation; an input of {@code Priority.dmn}. */
public enum Urgency {
    LOW,
    NORMAL,
    HIGH
}
