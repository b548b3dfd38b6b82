package fr.relais.intake.control;

import fr.relais.shared.Platform;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a citizen chooses behind a door of the public site, and the platform that answers it:
 * sexual and sexist violence goes to the specialised VSS platform, everything else to the
 * generalist one. The French label of each topic is {@code topic.<name>} in the web bundle.
 */
public enum Topic {
    /** Someone is in danger now: the chat goes ahead of the queue ({@link #dangerNow()}). */
    DANGER_NOW(Door.VICTIM, Platform.GENERALIST),
    SEXUAL_VIOLENCE(Door.VICTIM, Platform.VSS),
    DOMESTIC_VIOLENCE(Door.VICTIM, Platform.VSS),
    SEXUAL_HARASSMENT(Door.VICTIM, Platform.VSS),
    HARASSMENT(Door.VICTIM, Platform.GENERALIST),
    SCAM(Door.VICTIM, Platform.GENERALIST),
    THEFT(Door.VICTIM, Platform.GENERALIST),
    WITNESSED_SEXIST_VIOLENCE(Door.REPORT, Platform.VSS),
    DRUG_TRAFFICKING(Door.REPORT, Platform.GENERALIST),
    OTHER_OFFENCE(Door.REPORT, Platform.GENERALIST),
    SEXIST_VIOLENCE_HELP(Door.INFORMATION, Platform.VSS),
    COMPLAINT_PROCEDURE(Door.INFORMATION, Platform.GENERALIST),
    OTHER_QUESTION(Door.INFORMATION, Platform.GENERALIST);

    /** The three doors of the public site, by the codes a chat stores. */
    public enum Door {
        VICTIM,
        REPORT,
        INFORMATION
    }

    private final Door door;
    private final Platform platform;

    Topic(Door door, Platform platform) {
        this.door = door;
        this.platform = platform;
    }

    public Door door() {
        return door;
    }

    public Platform platform() {
        return platform;
    }

    /** Whether choosing this topic says someone is in danger now. */
    public boolean dangerNow() {
        return this == DANGER_NOW;
    }

    /** The topic of that code, if it is one of the table's. */
    public static Optional<Topic> of(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }

    /** The topics offered behind a door, in the order shown. */
    public static List<Topic> behind(Door door) {
        return Arrays.stream(values()).filter(t -> t.door == door).toList();
    }
}
