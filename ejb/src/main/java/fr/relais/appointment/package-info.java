/** Appointment booking: the slots a unit publishes, and the bookings citizens make, move and cancel with a code. */
package fr.relais.appointment;
