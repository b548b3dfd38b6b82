package fr.relais.shared.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every API error: {@code {"error": code, "message": text}}. */
public record ApiError(String error, String message) {
    public static Response response(int status, String error, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(error, message))
                .build();
    }
}
