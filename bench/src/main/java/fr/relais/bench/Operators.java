package fr.relais.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operator accounts made for a run, as an administrator makes them: {@code POST /users} (the demo's
 * {@code admin}) gives a temporary password, which the operator changes at once ({@code PUT
 * /users/me/password}); the API then takes their Basic credentials and gives them tokens. One
 * account per client is what a peak looks like (each operator works on their own conversations); two
 * demo accounts shared by every client serialise the clients on those accounts' status rows.
 */
final class Operators {
    static final String ADMIN = "admin";
    private static final Pattern TEMPORARY = Pattern.compile("\"temporaryPassword\"\\s*:\\s*\"([^\"]+)\"");

    private Operators() {}

    /**
     * {@code count} operators of the generalist platform, named {@code bench-<run>-<n>}; zero: the two
     * demo operators.
     */
    static List<String> make(List<Api> apis, int count) {
        if (count == 0) {
            return List.of(LoadDriver.OPERATORS);
        }
        SecureRandom random = new SecureRandom();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Api api = apis.get(0);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = "bench-" + run + "-" + i;
            Api.Reply created = api.basicCall(
                    "POST",
                    "/users",
                    "{\"username\":\"" + name + "\",\"displayName\":\"Opérateur de charge " + i
                            + "\",\"roles\":[\"OPERATOR\"],\"platform\":\"GENERALIST\"}",
                    ADMIN,
                    ADMIN);
            if (created.status() != 201) {
                throw new IllegalStateException("creating " + name + ": " + created.status() + " " + created.body());
            }
            Matcher temporary = TEMPORARY.matcher(created.body());
            if (!temporary.find()) {
                throw new IllegalStateException("no temporary password in " + created.body());
            }
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            // three kinds of characters whatever the draw (the password rules)
            String password = "Aa1-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Api.Reply changed = api.basicCall(
                    "PUT",
                    "/users/me/password",
                    "{\"current\":\"" + temporary.group(1) + "\",\"next\":\"" + password + "\"}",
                    name,
                    temporary.group(1));
            if (changed.status() != 204) {
                throw new IllegalStateException(
                        "changing " + name + "'s password: " + changed.status() + " " + changed.body());
            }
            for (Api each : apis) {
                each.password(name, password);
            }
            names.add(name);
        }
        return List.copyOf(names);
    }
}
