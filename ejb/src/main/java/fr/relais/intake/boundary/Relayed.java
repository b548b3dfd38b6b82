package fr.relais.intake.boundary;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A {@link ChatEvent} committed on another instance of the cluster and fired again here, outside
 * any transaction, by {@link fr.relais.intake.control.ChatRelay}. Observers of {@code ChatEvent}
 * without a qualifier get both kinds, so each instance pushes to its own connections; only the
 * relay tells them apart (it publishes the local ones, never these).
 */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, FIELD, PARAMETER})
public @interface Relayed {
    /** For {@code Event.select(Relayed.LITERAL)} and qualifier checks. */
    Relayed LITERAL = new Literal();

    final class Literal extends AnnotationLiteral<Relayed> implements Relayed {
        private static final long serialVersionUID = 1L;
    }
}
