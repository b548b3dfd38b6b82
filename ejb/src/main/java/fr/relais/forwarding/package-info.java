/** Forwarding: resolves the territorially competent unit and hands the report over to it. */
package fr.relais.forwarding;
