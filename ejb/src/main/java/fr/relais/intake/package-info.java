/** Chat intake: a citizen opens a chat, it waits in its platform's queue, an operator takes it in charge. */
package fr.relais.intake;
