package fr.relais.security;

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
            "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations=210000",
            "Pbkdf2PasswordHash.SaltSizeBytes=16",
            "Pbkdf2PasswordHash.KeySizeBytes=32"
        })
@ApplicationScoped
public class IdentityStoreConfiguration {}
