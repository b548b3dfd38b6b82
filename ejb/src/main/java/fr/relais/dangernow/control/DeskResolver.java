package fr.relais.dangernow.control;

import fr.relais.directory.entity.Unit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which 24-hour desk receives a danger-now request, among the units covering the place the operator
 * gave: the first (by code) with a desk staffed around the clock; none when no such unit covers it.
 * A richer directory (issue 9) replaces this rule.
 */
public final class DeskResolver {
    private DeskResolver() {}

    public static Optional<Unit> desk(List<Unit> covering) {
        return covering.stream().filter(Unit::desk24h).min(Comparator.comparing(Unit::code));
    }
}
