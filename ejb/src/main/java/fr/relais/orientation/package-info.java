/**
 * The public portal's orientation: the tree from the three doors to a final orientation in at most five
 * clicks (validated data that administrators may replace without a rebuild), the practical sheets and the
 * units near a commune.
 */
package fr.relais.orientation;
