/** Who is who: platforms, territorial units and the communes they cover, users and their scope. */
package fr.relais.directory;
