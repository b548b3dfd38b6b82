package fr.relais.shared.api;

import fr.relais.shared.DomainException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into a JSON error with the right status; never a stack trace. */
@Provider
public class ErrorMappers implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof fr.relais.security.BodyTooLargeException) {
                return ApiError.response(413, "payload_too_large", "Requête trop volumineuse.");
            }
        }
        Throwable cause = unwrap(thrown);
        if (cause instanceof fr.relais.shared.RateLimited e) {
            return Response.fromResponse(ApiError.response(429, e.code(), e.getMessage()))
                    .header("Retry-After", e.retryAfterSeconds())
                    .build();
        }
        if (cause instanceof DomainException e) {
            return ApiError.response(status(e.kind()), e.code(), e.getMessage());
        }
        if (cause instanceof EJBAccessException || cause instanceof jakarta.ejb.AccessLocalException) {
            return ApiError.response(403, "forbidden", "Action non autorisée pour votre rôle.");
        }
        if (cause instanceof JsonbException || cause instanceof ProcessingException) {
            return ApiError.response(400, "invalid_json", "Le corps de la requête n'est pas un JSON valide.");
        }
        if (cause instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return ApiError.response(status, codeFor(status), messageFor(status));
        }
        if (ConflictRetry.lostARace(thrown)) {
            LOG.log(Level.WARNING, "Lost a race after " + ConflictRetry.ATTEMPTS + " tries", cause);
            DomainException e = DomainException.concurrentUpdate();
            return ApiError.response(409, e.code(), e.getMessage());
        }
        LOG.log(Level.SEVERE, "Unexpected failure", cause);
        return ApiError.response(500, "internal_error", "Erreur interne. L'incident est enregistré.");
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof EJBException || current instanceof jakarta.transaction.RollbackException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_REQUESTS -> 429;
        };
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
        };
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 400 -> "Requête invalide.";
            case 401 -> "Identifiants manquants ou invalides.";
            case 403 -> "Action non autorisée pour votre rôle.";
            case 404 -> "Ressource introuvable.";
            case 405 -> "Méthode non autorisée.";
            case 413 -> "Requête trop volumineuse.";
            case 415 -> "Type de contenu non pris en charge.";
            default -> "Requête refusée.";
        };
    }
}
