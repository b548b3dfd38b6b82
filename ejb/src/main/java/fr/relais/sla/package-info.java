/** Service levels: the breaches of the lifecycle's time targets, as supervisors see them. */
package fr.relais.sla;
