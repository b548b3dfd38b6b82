/** Detects French personal data in free text and removes it before a report leaves the platform. */
package fr.relais.anonymisation;
