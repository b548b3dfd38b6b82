/** The public portal's orientation tree: from the three doors to a final orientation in at most five clicks, validated data that administrators may replace without a rebuild. */
package fr.relais.orientation;
