/** The anonymisation engine's entry for the application: preview and the lifecycle's redaction. */
package fr.relais.anonymisation.boundary;
