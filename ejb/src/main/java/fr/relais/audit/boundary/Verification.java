package fr.relais.audit.boundary;

import java.io.Serializable;

/**
 * The result of walking the audit chains: they hold ({@code firstBroken} null), or the first broken
 * link. {@code reason}: {@code edited}, {@code missing}, {@code head_mismatch} or {@code anchor}.
 */
public record Verification(boolean holds, long chains, long events, Broken firstBroken) implements Serializable {
    public record Broken(String chain, Long seq, Long eventId, String reason) implements Serializable {}
}
