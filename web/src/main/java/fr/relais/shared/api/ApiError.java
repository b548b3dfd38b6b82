package fr.relais.shared.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every API error: {@code {"error": code, "message": text}}. */
@Schema(
        name = "ApiError",
        description = "Why a request was refused.",
        requiredProperties = {"error", "message"})
public record ApiError(
        @Schema(description = "Stable code for programs, e.g. `chat_not_found`.", example = "chat_not_found")
                String error,
        @Schema(description = "Explanation for people, in French.", example = "Conversation introuvable.")
                String message) {
    public static Response response(int status, String error, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(error, message))
                .build();
    }
}
