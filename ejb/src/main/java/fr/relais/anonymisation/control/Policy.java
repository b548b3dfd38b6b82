package fr.relais.anonymisation.control;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which detected entities are removed and how. It fails closed: a missing operator or type set means every type is
 * redacted with placeholders, and only entities whose index (in {@link Anonymiser#detect}'s list) is in
 * {@code released} are left as they are.
 */
public record Policy(Operator operator, Set<EntityType> types, Set<Integer> released) {

    public Policy {
        operator = operator == null ? Operator.PLACEHOLDER : operator;
        types = types == null ? Set.copyOf(EnumSet.allOf(EntityType.class)) : Set.copyOf(types);
        released = released == null ? Set.of() : Set.copyOf(released);
    }

    public static Policy failClosed() {
        return new Policy(Operator.PLACEHOLDER, EnumSet.allOf(EntityType.class), Set.of());
    }

    public Policy releasing(Set<Integer> indexes) {
        return new Policy(operator, types, indexes);
    }

    public Policy with(Operator newOperator) {
        return new Policy(newOperator, types, released);
    }

    boolean redacts(EntityType type, int index) {
        return types.contains(type) && !released.contains(index);
    }
}
