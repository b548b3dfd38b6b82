/** Operators at work: their status, their cap of simultaneous conversations, the citizens' waiting estimate and the canned answers. */
package fr.relais.operators;
