package fr.relais.privacy.boundary;

import fr.relais.intake.boundary.ChatLine;
import java.util.List;

/** A conversation's transcript as told, unsealed for a supervisor or an auditor with a recorded reason. */
public record UnsealedChat(long id, boolean sealed, List<ChatLine> lines) {}
