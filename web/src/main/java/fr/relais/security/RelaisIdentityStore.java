package fr.relais.security;

import fr.relais.directory.boundary.PasswordPolicy;
import fr.relais.shared.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Users, roles and PBKDF2 hashes from the application's tables. Every check costs one query and one
 * PBKDF2 verification, whether the user exists or not (an unknown name is verified against a dummy
 * hash of the same cost), so the time of an answer does not tell which names exist. A disabled
 * account is refused after the same work.
 */
@ApplicationScoped
public class RelaisIdentityStore implements IdentityStore {
    static final String QUERY = "select u.password_hash, u.enabled, r.role, u.username, u.must_change_password"
            + " from app_user u"
            + " left join app_user_role r on r.username = u.username where u.username = ?";

    @Resource(lookup = "java:app/jdbc/relais")
    DataSource dataSource;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private String dummyHash;

    @PostConstruct
    void init() {
        passwordHash.initialize(PasswordPolicy.parameters());
        char[] random = new char[24];
        SecureRandom rng = new SecureRandom();
        for (int i = 0; i < random.length; i++) {
            random[i] = (char) ('a' + rng.nextInt(26));
        }
        dummyHash = passwordHash.generate(random);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential c)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String hash = null;
        String username = null;
        boolean enabled = false;
        boolean mustChange = false;
        Set<String> groups = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setString(1, c.getCaller());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hash = rows.getString(1);
                    enabled = rows.getBoolean(2);
                    username = rows.getString(4);
                    mustChange = rows.getBoolean(5);
                    if (rows.getString(3) != null) {
                        groups.add(rows.getString(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the users", e);
        }
        boolean matches = passwordHash.verify(c.getPassword().getValue(), hash == null ? dummyHash : hash);
        if (hash == null || !matches || !enabled) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        // a password set by an administrator opens nothing but its own change
        return new CredentialValidationResult(username, mustChange ? Set.of(Role.PASSWORD_CHANGE) : groups);
    }
}
