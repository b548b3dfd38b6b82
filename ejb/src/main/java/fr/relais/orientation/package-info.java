/** Where the public portal points a citizen: the practical sheets and the units near a commune. */
package fr.relais.orientation;
