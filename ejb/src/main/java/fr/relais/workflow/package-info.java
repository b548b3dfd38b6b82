/**
 * The process engine's bootstrap and the only door to it: schema migrations, the embedded Camunda
 * engine inside the container's transactions, and a facade the business components call, so that
 * moving engines (Operaton) stays a change here.
 */
package fr.relais.workflow;
