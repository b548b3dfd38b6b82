package fr.relais.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits a citizen's chat enforces in the domain, under the chat's row lock, so that they hold
 * across instances (MicroProfile Config: environment variables or system properties; 0 turns a
 * limit off). The limits per client address and per token are the web module's.
 */
@ApplicationScoped
public class ChatLimits {
    /** Messages a citizen may write in one chat within a minute (sliding). */
    @Inject
    @ConfigProperty(name = "RELAIS_LIMIT_MESSAGES_PER_CHAT_PER_MINUTE", defaultValue = "20")
    int messagesPerMinute;

    /** Characters a citizen may write in one chat in all (its first message included). */
    @Inject
    @ConfigProperty(name = "RELAIS_LIMIT_CHAT_CHARACTERS", defaultValue = "50000")
    int chatCharacters;

    public int messagesPerMinute() {
        return messagesPerMinute;
    }

    public int chatCharacters() {
        return chatCharacters;
    }
}
