/** What every business component shares: the domain errors the boundaries raise and the API maps to HTTP. */
package fr.relais.shared;
