package fr.relais.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limits of the public citizen endpoints, per minute (MicroProfile Config: environment
 * variables or system properties; 0 turns a limit off). The client address is the connection's,
 * or the one a trusted proxy gives ({@code RELAIS_TRUSTED_PROXIES}, see {@link ClientAddress}).
 * A chat's own limits (messages per minute, total size) are the domain's: {@code ChatLimits}.
 */
@ApplicationScoped
public class CitizenLimits {
    /** Requests to {@code /api/v1/citizen/…} and citizen socket connections from one address. */
    @Inject
    @ConfigProperty(name = "RELAIS_LIMIT_REQUESTS_PER_ADDRESS_PER_MINUTE", defaultValue = "300")
    int requestsPerAddress;

    /** Chats opened from one address. */
    @Inject
    @ConfigProperty(name = "RELAIS_LIMIT_CHATS_PER_ADDRESS_PER_MINUTE", defaultValue = "10")
    int chatsPerAddress;

    /** Reports submitted with the public form ({@code POST /api/v1/citizen/reports}) from one address. */
    @Inject
    @ConfigProperty(name = "RELAIS_LIMIT_REPORTS_PER_ADDRESS_PER_MINUTE", defaultValue = "5")
    int reportsPerAddress;

    /** Requests carrying one chat token ({@code X-Chat-Token}), and frames on one citizen socket's chat. */
    @Inject
    @ConfigProperty(name = "RELAIS_LIMIT_REQUESTS_PER_TOKEN_PER_MINUTE", defaultValue = "120")
    int requestsPerToken;

    public int requestsPerAddress() {
        return requestsPerAddress;
    }

    public int chatsPerAddress() {
        return chatsPerAddress;
    }

    public int reportsPerAddress() {
        return reportsPerAddress;
    }

    public int requestsPerToken() {
        return requestsPerToken;
    }
}
