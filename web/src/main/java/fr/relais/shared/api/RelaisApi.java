package fr.relais.shared.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The HTTP API: every lifecycle step, for scripts and the load harness.
 *
 * <p>Its OpenAPI description (served at {@code /openapi}) comes from the annotations: this class
 * declares the document's information, the two ways to authenticate and the error answers once, as
 * components; each resource class names its security requirement and each operation its summary.
 * {@link ApiDocumentation} then attaches the error answers each operation can give, from its shape,
 * so that no resource repeats them.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Relais API",
                        version = "1",
                        description =
                                """
                Chats, reports and unit inboxes: every step of a report's lifecycle, from the citizen's \
                chat to the competent unit.

                Staff authenticate with HTTP Basic (user name and password) or a bearer token; the \
                citizen's endpoints (`/api/v1/citizen/...`) are public and protected by the chat's \
                token (header `X-Chat-Token`) instead. Every refusal is a 4xx answer with a JSON body \
                `{"error": code, "message": text}`; the message is in French, for people, the code is \
                for programs."""),
        components =
                @Components(
                        responses = {
                            @APIResponse(
                                    name = ApiDocumentation.BAD_REQUEST,
                                    description = "Invalid input: malformed JSON, a missing or invalid field.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = "ApiError"))),
                            @APIResponse(
                                    name = ApiDocumentation.UNAUTHORIZED,
                                    description = "Missing or invalid credentials.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = "ApiError"))),
                            @APIResponse(
                                    name = ApiDocumentation.FORBIDDEN,
                                    description = "The caller's role may not do this.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = "ApiError"))),
                            @APIResponse(
                                    name = ApiDocumentation.NOT_FOUND,
                                    description = "No such resource, or not in the caller's scope (platform or"
                                            + " unit), or a wrong chat token: the answers are the same.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = "ApiError"))),
                            @APIResponse(
                                    name = ApiDocumentation.CONFLICT,
                                    description = "The resource is not in a state that allows this step, or"
                                            + " someone else just changed it.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = "ApiError"))),
                            @APIResponse(
                                    name = ApiDocumentation.UNPROCESSABLE,
                                    description = "The `Idempotency-Key` was already used, within the last 24 h, with"
                                            + " another request body (`idempotency_key_reused`): nothing was done.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = "ApiError"))),
                            @APIResponse(
                                    name = ApiDocumentation.TOO_MANY_REQUESTS,
                                    description = "Rate-limited (`rate_limited`): too many requests from the client"
                                            + " address, or with the chat token, or messages in the chat, in the last"
                                            + " minute. Nothing was stored; retry after `Retry-After` seconds.",
                                    headers =
                                            @Header(
                                                    name = "Retry-After",
                                                    description = "Seconds to wait before retrying.",
                                                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")),
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = "ApiError"))),
                            @APIResponse(
                                    name = ApiDocumentation.PAYLOAD_TOO_LARGE,
                                    description = "The request body is too large.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(ref = "ApiError")))
                        }))
@SecurityScheme(
        securitySchemeName = ApiDocumentation.BASIC,
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "Staff account: user name and password.")
@SecurityScheme(
        securitySchemeName = ApiDocumentation.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "A token issued to a staff account by `POST /api/v1/tokens`.")
public class RelaisApi extends Application {}
