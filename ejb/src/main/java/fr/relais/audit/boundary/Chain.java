package fr.relais.audit.boundary;

/**
 * An audit chain: one per report, per chat, per user (their own reads and searches) and one for the
 * administration, so that appending queues only behind writes on the same report, chat or user.
 */
public record Chain(String key, Long reportId, Long chatId) {
    public static final String ADMIN = "admin";

    public static Chain report(long reportId) {
        return new Chain("report:" + reportId, reportId, null);
    }

    public static Chain chat(long chatId) {
        return new Chain("chat:" + chatId, null, chatId);
    }

    /** A chat's event that concerns a report too (the report made during it): in the chat's chain. */
    public static Chain chat(long chatId, Long reportId) {
        return new Chain("chat:" + chatId, reportId, chatId);
    }

    /** A user's own chain (an auditor's reads), about a report or not. */
    public static Chain user(String username, Long reportId) {
        return new Chain("user:" + username, reportId, null);
    }

    /** An appointment booking's chain: booked, moved, cancelled, contact erased. */
    public static Chain booking(long bookingId) {
        return new Chain("booking:" + bookingId, null, null);
    }

    /** A unit's appointment pattern: who changed it. */
    public static Chain appointments(String unitCode) {
        return new Chain("appointments:" + unitCode, null, null);
    }

    public static Chain admin() {
        return new Chain(ADMIN, null, null);
    }
}
