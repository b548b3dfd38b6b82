/** Privacy through the lifecycle: sealed originals under per-report keys, records of reads, retention by crypto-shredding. */
package fr.relais.privacy;
