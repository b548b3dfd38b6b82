/** Qualification: what an operator makes of a conversation — the report, its facts and the reporter's wishes. */
package fr.relais.qualification;
