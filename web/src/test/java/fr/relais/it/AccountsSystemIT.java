package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * Account management by administrators over HTTP against the shared server: creation with a temporary
 * password that opens nothing but its own change, the rules of a password, a reset forcing a change,
 * disabling (tokens refused at once, the conversations held back in the queue, the report being
 * qualified released), re-enabling, new rights ending tokens, bad input and access. Each test makes
 * its own accounts ({@code compte-*}).
 */
class AccountsSystemIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Scenario scenario = new Scenario(server.baseUrl());
    static final String STRONG = "Nouveau-mot-2-passe";

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L;
    }

    static Api admin() {
        return scenario.as("admin");
    }

    /** Creates an account as the admin; returns its temporary password. */
    static String create(String user, String roles, String platform, String unit) {
        var created = admin().post(
                        "/users",
                        "{\"username\":" + Scenario.json(user) + ",\"displayName\":\"Compte d'essai\",\"roles\":"
                                + roles
                                + ",\"platform\":" + (platform == null ? "null" : Scenario.json(platform))
                                + ",\"unitCode\":" + (unit == null ? "null" : Scenario.json(unit)) + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getJsonObject("account").getBoolean("mustChangePassword"))
                .isTrue();
        return created.json().getString("temporaryPassword");
    }

    /** An operator of the generalist platform who changed the temporary password to {@link #STRONG}. */
    static Api operator(String user) {
        String temporary = create(user, "[\"OPERATOR\"]", "GENERALIST", null);
        var changed = Api.as(server.baseUrl(), user, temporary)
                .put(
                        "/users/me/password",
                        "{\"current\":" + Scenario.json(temporary) + ",\"next\":\"" + STRONG + "\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        return Api.as(server.baseUrl(), user, STRONG);
    }

    static Api bearer(String token) {
        return Api.withAuthorization(server.baseUrl(), "Bearer " + token);
    }

    static String token(String user, String password) {
        var issued = Api.as(server.baseUrl(), user, password).post("/tokens", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        return issued.json().getString("access_token");
    }

    @Test
    void aNewAccountsTemporaryPasswordOpensNothingButItsOwnChange() {
        String user = unique("compte-nouveau");
        String temporary = create(user, "[\"OPERATOR\"]", "GENERALIST", null);
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);
        Api firstSignIn = Api.as(server.baseUrl(), user, temporary);

        assertThat(firstSignIn.get("/operators/me").status()).isEqualTo(403);
        var token = firstSignIn.post("/tokens", null);
        assertThat(token.status()).isEqualTo(403);
        assertThat(token.json().getString("error")).isEqualTo("password_change_required");

        var weak = firstSignIn.put(
                "/users/me/password", "{\"current\":" + Scenario.json(temporary) + ",\"next\":\"court\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().getString("error")).isEqualTo("weak_password");
        var withName = firstSignIn.put(
                "/users/me/password", "{\"current\":" + Scenario.json(temporary) + ",\"next\":\"X9-" + user + "\"}");
        assertThat(withName.json().getString("error")).isEqualTo("weak_password");
        var wrong = firstSignIn.put("/users/me/password", "{\"current\":\"pas-le-bon\",\"next\":\"" + STRONG + "\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().getString("error")).isEqualTo("wrong_password");

        var changed = firstSignIn.put(
                "/users/me/password", "{\"current\":" + Scenario.json(temporary) + ",\"next\":\"" + STRONG + "\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(Api.as(server.baseUrl(), user, temporary)
                        .get("/operators/me")
                        .status())
                .isEqualTo(401);
        Api operator = bearer(token(user, STRONG));
        assertThat(operator.get("/operators/me").status()).isEqualTo(200);
        JsonObject account = admin().get("/users/" + user).json();
        assertThat(account.getBoolean("mustChangePassword")).isFalse();
        assertThat(account.getJsonArray("roles").getString(0)).isEqualTo("OPERATOR");
        assertThat(account.containsKey("passwordHash")).isFalse();
    }

    @Test
    void aResetEndsTheTokensAndForcesAChange() {
        String user = unique("compte-reset");
        operator(user);
        Api withToken = bearer(token(user, STRONG));
        assertThat(withToken.get("/operators/me").status()).isEqualTo(200);

        var reset = admin().post("/users/" + user + "/password-reset", null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        String temporary = reset.json().getString("temporaryPassword");

        assertThat(withToken.get("/operators/me").status())
                .as("tokens issued before the reset")
                .isEqualTo(401);
        assertThat(Api.as(server.baseUrl(), user, STRONG).get("/operators/me").status())
                .isEqualTo(401);
        var token = Api.as(server.baseUrl(), user, temporary).post("/tokens", null);
        assertThat(token.json().getString("error")).isEqualTo("password_change_required");
        var changed = Api.as(server.baseUrl(), user, temporary)
                .put(
                        "/users/me/password",
                        "{\"current\":" + Scenario.json(temporary) + ",\"next\":\"Encore-1-autre\"}");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(bearer(token(user, "Encore-1-autre")).get("/operators/me").status())
                .isEqualTo(200);
    }

    @Test
    void disablingRefusesTheAccountAtOnceAndHandsItsConversationAndReportBack() throws Exception {
        String user = unique("compte-depart");
        Api operator = operator(user);
        Api withToken = bearer(token(user, STRONG));
        long chat = scenario.openChat("Bonjour, je voudrais signaler des faits.");
        assertThat(operator.post("/chats/" + chat + "/take", null).status()).isEqualTo(200);
        var report = operator.post("/chats/" + chat + "/report", null);
        assertThat(report.status()).as(report.toString()).isIn(200, 201);
        long reportId = report.json().getJsonNumber("id").longValue();

        var disabled = admin().post("/users/" + user + "/disable", null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);

        assertThat(withToken.get("/operators/me").status()).isEqualTo(401);
        assertThat(operator.get("/operators/me").status()).isEqualTo(401);
        assertThat(Api.as(server.baseUrl(), user, STRONG).post("/tokens", null).status())
                .isEqualTo(401);
        try (Connection c = SecurityIT.database()) {
            assertThat(single(c, "select status from chat where id = ?", chat)).isEqualTo("WAITING");
            assertThat(single(c, "select operator from chat where id = ?", chat))
                    .isNull();
            assertThat(single(c, "select operator from report where id = ?", reportId))
                    .isNull();
            assertThat(single(c, "select status from operator_state where username = ?", user))
                    .isEqualTo("OFF_SHIFT");
        }
        assertThat(auditEvents(user)).contains("account_created", "account_disabled");
        assertThat(admin().get("/users/" + user).json().getBoolean("enabled")).isFalse();

        // another operator takes the chat back from the queue and qualifies the released report
        assertThat(operator(unique("compte-releve"))
                        .post("/chats/" + chat + "/take", null)
                        .status())
                .isEqualTo(200);

        var enabled = admin().post("/users/" + user + "/enable", null);
        assertThat(enabled.status()).isEqualTo(204);
        assertThat(Api.as(server.baseUrl(), user, STRONG).get("/operators/me").status())
                .isEqualTo(200);
        assertThat(withToken.get("/operators/me").status())
                .as("a token from before stays revoked")
                .isEqualTo(401);
    }

    @Test
    void newRightsEndTheTokensOfTheFormerOnes() {
        String user = unique("compte-droits");
        operator(user);
        Api withToken = bearer(token(user, STRONG));
        var updated = admin().put(
                        "/users/" + user,
                        "{\"displayName\":\"Devenu superviseur\",\"roles\":[\"OPERATOR\",\"SUPERVISOR\"],\"platform\":\"GENERALIST\"}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(withToken.get("/operators/me").status()).isEqualTo(401);
        assertThat(Api.as(server.baseUrl(), user, STRONG).get("/operators").status())
                .isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithAClearCodeAndOnlyAdminsManageAccounts() {
        String user = unique("compte-refus");
        assertRefused(
                admin().post(
                                "/users",
                                "{\"username\":\"A b\",\"displayName\":\"x\",\"roles\":[\"OPERATOR\"],\"platform\":\"GENERALIST\"}"),
                400,
                "invalid_username");
        assertRefused(
                admin().post(
                                "/users",
                                "{\"username\":\"" + user + "\",\"displayName\":\"x\",\"roles\":[\"OPERATOR\"]}"),
                400,
                "invalid_scope");
        assertRefused(
                admin().post(
                                "/users",
                                "{\"username\":\"" + user
                                        + "\",\"displayName\":\"x\",\"roles\":[\"OPERATOR\",\"UNIT_AGENT\"],\"platform\":\"GENERALIST\",\"unitCode\":\"CSP-GUYANCOURT\"}"),
                400,
                "invalid_scope");
        assertRefused(
                admin().post(
                                "/users",
                                "{\"username\":\"" + user
                                        + "\",\"displayName\":\"x\",\"roles\":[\"UNIT_AGENT\"],\"unitCode\":\"NULLE-PART\"}"),
                400,
                "unknown_unit");
        assertRefused(
                admin().post("/users", "{\"username\":\"" + user + "\",\"displayName\":\"x\",\"roles\":[\"ROOT\"]}"),
                400,
                "invalid_roles");
        assertRefused(
                admin().post("/users", "{\"username\":\"" + user + "\",\"displayName\":\"\",\"roles\":[\"AUDITOR\"]}"),
                400,
                "invalid_display_name");
        assertRefused(
                admin().post("/users", "{\"username\":\"operateur\",\"displayName\":\"x\",\"roles\":[\"AUDITOR\"]}"),
                409,
                "username_taken");
        assertThat(admin().get("/users/" + user).status()).as("nothing stored").isEqualTo(404);
        assertRefused(admin().post("/users/admin/disable", null), 409, "own_account");
        assertRefused(admin().post("/users/personne-" + user + "/disable", null), 404, "unknown_user");

        create(user, "[\"UNIT_AGENT\"]", null, "CSP-GUYANCOURT");
        for (String other : new String[] {"operateur", "superviseur", "auditeur", "agent-guyancourt"}) {
            assertThat(scenario.as(other).get("/users").status()).as(other).isEqualTo(403);
            assertThat(scenario.as(other)
                            .post("/users/" + user + "/password-reset", null)
                            .status())
                    .as(other)
                    .isEqualTo(403);
            assertThat(scenario.as(other)
                            .post("/users/" + user + "/disable", null)
                            .status())
                    .as(other)
                    .isEqualTo(403);
            assertThat(scenario.as(other)
                            .post(
                                    "/users",
                                    "{\"username\":\"" + user + "-x\",\"displayName\":\"x\",\"roles\":[\"ADMIN\"]}")
                            .status())
                    .as(other)
                    .isEqualTo(403);
        }
        assertThat(admin().get("/users").array().stream()
                        .map(v -> v.asJsonObject().getString("username")))
                .contains(user, "admin", "operateur");
    }

    static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().getString("error")).as(reply.toString()).isEqualTo(code);
        assertThat(reply.json().getString("message")).isNotBlank();
    }

    /**
     * Each action on an account, by an administrator or by its user, is recorded once: one event of the
     * audit trail, and no second record of it elsewhere (the security events keep locks only).
     */
    @Test
    void eachActionOnAnAccountIsRecordedOnce() throws Exception {
        String user = unique("compte-trace");
        operator(user); // created by the admin, then its user changes the temporary password
        var updated = admin().put(
                        "/users/" + user,
                        "{\"displayName\":\"Compte tracé\",\"roles\":[\"OPERATOR\"],\"platform\":\"VSS\"}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(admin().post("/users/" + user + "/disable", null).status()).isEqualTo(204);
        assertThat(admin().post("/users/" + user + "/enable", null).status()).isEqualTo(204);
        var reset = admin().post("/users/" + user + "/password-reset", null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        assertThat(auditEvents(user))
                .as("one audit event per action, in order")
                .containsExactly(
                        "account_created",
                        "password_changed",
                        "account_updated",
                        "account_disabled",
                        "account_enabled",
                        "password_reset");
        assertThat(SecurityIT.securityEvents(user))
                .as("not recorded a second time as security events")
                .isEmpty();
    }

    /** The kinds of the audit trail's events about an account (the admin's chain and the user's own), in order. */
    static java.util.List<String> auditEvents(String user) throws Exception {
        try (Connection c = SecurityIT.database();
                PreparedStatement query = c.prepareStatement("select kind from audit_event"
                        + " where (chain_key = 'admin' or chain_key = ?) and fields like ? order by id")) {
            query.setString(1, "user:" + user);
            query.setString(2, "%\"username\":\"" + user + "\"%");
            java.util.List<String> kinds = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    kinds.add(rows.getString(1));
                }
            }
            return kinds;
        }
    }

    static String single(Connection c, String sql, Object key) throws Exception {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, key);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                return rows.getString(1);
            }
        }
    }
}
