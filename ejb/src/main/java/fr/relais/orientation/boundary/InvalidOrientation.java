package fr.relais.orientation.boundary;

import fr.relais.shared.DomainException;
import java.util.List;

/** A tree refused by the validator: nothing was changed; {@link #problems()} says why, in French. */
public class InvalidOrientation extends DomainException {
    public static final String CODE = "invalid_orientation";
    private final List<String> problems;

    public InvalidOrientation(List<String> problems) {
        super(Kind.INVALID_INPUT, CODE, "L'arbre d'orientation n'est pas valide : rien n'a été changé.");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
