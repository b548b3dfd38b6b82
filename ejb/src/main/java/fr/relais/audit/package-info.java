/** The tamper-evident audit trail: hash-chained events, daily anchors, verification and report histories. */
package fr.relais.audit;
