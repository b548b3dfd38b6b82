package fr.relais.security;

import fr.relais.directory.boundary.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/** Users and roles come from the application's tables; passwords are PBKDF2 hashes. */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/relais",
        callerQuery = "select password_hash from app_user where username = ?",
        groupsQuery = "select role from app_user_role where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
            PasswordPolicy.ALGORITHM,
            PasswordPolicy.ITERATIONS,
            PasswordPolicy.SALT_SIZE,
            PasswordPolicy.KEY_SIZE
        })
@ApplicationScoped
public class IdentityStoreConfiguration {}
