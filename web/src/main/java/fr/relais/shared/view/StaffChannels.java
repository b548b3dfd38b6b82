package fr.relais.shared.view;

import fr.relais.directory.boundary.Caller;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who may listen to what on the staff's socket ({@link StaffSocket}). A screen asks for its channels
 * as query parameters, one name per channel with the "user" it is about as the value:
 * {@code queue=<platform>} (a platform's queue changed: the caller's own platform, any for an
 * administrator), {@code operator=<user name>} (a chat the operator holds changed: only one's own),
 * {@code desk=<unit code>} (a unit's danger-now requests changed: only one's own unit) and
 * {@code alerts} (an alert was raised or acknowledged: supervisors and administrators). One request
 * refused refuses the connection: a screen never asks for what it may not have, so a refusal is
 * someone trying.
 */
public final class StaffChannels {
    public static final String QUEUE = "queue";
    public static final String OPERATOR = "operator";
    public static final String DESK = "desk";
    public static final String ALERTS = "alerts";

    /** Refusals, as the close reason of the socket (1008, policy violation). */
    static final String UNAUTHENTICATED = "unauthenticated";

    static final String NO_CHANNEL = "no_channel";
    static final String CHANNEL_REFUSED = "channel_refused";

    private StaffChannels() {}

    /** One channel of one "user" (platform, operator, unit; empty for alerts). */
    public record Subscription(String channel, String user) {
        String key() {
            return key(channel, user);
        }

        static String key(String channel, String user) {
            return channel + '\n' + (user == null ? "" : user);
        }
    }

    /** What a connection is granted: its subscriptions, or the reason it is refused. */
    record Decision(List<Subscription> subscriptions, String refusal) {
        boolean refused() {
            return refusal != null;
        }

        static Decision refuse(String reason) {
            return new Decision(List.of(), reason);
        }
    }

    /**
     * The subscriptions {@code caller} asked for, all granted, or a refusal. {@code caller} is null
     * when the connection comes from no signed-in, enabled account.
     */
    static Decision decide(Caller caller, Map<String, List<String>> asked) {
        if (caller == null) {
            return Decision.refuse(UNAUTHENTICATED);
        }
        if (asked == null || asked.isEmpty()) {
            return Decision.refuse(NO_CHANNEL);
        }
        List<Subscription> granted = new ArrayList<>();
        for (Map.Entry<String, List<String>> channel : asked.entrySet()) {
            List<String> users =
                    channel.getValue() == null || channel.getValue().isEmpty() ? List.of("") : channel.getValue();
            for (String user : users) {
                String value = user == null ? "" : user;
                if (!allowed(caller, channel.getKey(), value)) {
                    return Decision.refuse(CHANNEL_REFUSED);
                }
                granted.add(new Subscription(channel.getKey(), value));
            }
        }
        return new Decision(List.copyOf(granted), null);
    }

    static boolean allowed(Caller caller, String channel, String user) {
        return switch (channel) {
            case QUEUE -> platform(user) != null
                    && (caller.has(Role.ADMIN)
                            || (caller.worksOn(platform(user))
                                    && (caller.has(Role.OPERATOR)
                                            || caller.has(Role.PSYCHOLOGIST)
                                            || caller.has(Role.SUPERVISOR))));
            case OPERATOR -> user.equals(caller.username())
                    && (caller.has(Role.OPERATOR) || caller.has(Role.PSYCHOLOGIST));
            case DESK -> !user.isEmpty() && caller.has(Role.UNIT_AGENT) && caller.worksIn(user);
            case ALERTS -> user.isEmpty() && (caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN));
            default -> false;
        };
    }

    private static Platform platform(String name) {
        for (Platform platform : Platform.values()) {
            if (platform.name().equals(name)) {
                return platform;
            }
        }
        return null;
    }
}
