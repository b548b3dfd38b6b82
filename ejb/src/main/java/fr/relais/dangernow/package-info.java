/** Danger now: an operator's immediate request to the competent unit's 24-hour desk, and its acknowledgement. */
package fr.relais.dangernow;
