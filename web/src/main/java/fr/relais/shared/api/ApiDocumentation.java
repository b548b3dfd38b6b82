package fr.relais.shared.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * Completes the OpenAPI document generated from the annotations (registered as {@code
 * mp.openapi.filter}).
 *
 * <p>The error answers an operation can give follow from its shape, the same way for every
 * resource, so they are attached here once rather than repeated on 20 methods (an operation's own
 * {@code @APIResponse} for the same status wins):
 *
 * <ul>
 *   <li>a request body or a query parameter: 400 (malformed JSON, invalid field or value); headers
 *       do not count: a missing or wrong chat token is a 404;
 *   <li>a security requirement naming a scheme: 401 (no or wrong credentials) and 403 (role);
 *   <li>a path parameter: 404 (unknown, out of the caller's scope, or a wrong chat token);
 *   <li>a POST, PUT or DELETE on an existing resource (a path parameter): 409 (the chat or report is
 *       not in a state that allows this step, or someone else just changed it);
 *   <li>a public citizen operation ({@value #CITIZEN_PATHS}…, {@value #APPOINTMENT_PATHS}…): 429 with {@code Retry-After} (the rate
 *       limits per address, token and chat);
 *   <li>an {@code Idempotency-Key} header parameter: 422 (the key reused with another body).
 * </ul>
 *
 * Each points to a response declared once in {@link RelaisApi}, with the {@link ApiError} body.
 *
 * <p>It also works around what Payara Micro 6 writes that is not valid, or not true: a top-level
 * {@code endpoints} field (prefixed {@code x-} only in later Payara versions); a server URL made
 * absolute from the request and ending with a slash ({@code http://localhost:8080/}), which becomes
 * the application's path ({@code /}), relative to wherever the document is served and so right
 * behind a load balancer; the defaults of every {@code @Schema} and {@code @Operation} attribute
 * copied into the document; and a method's result described as the {@code default} answer, which
 * would also stand for the errors.
 */
public class ApiDocumentation implements OASFilter {
    public static final String BASIC = "basic";
    public static final String BEARER = "bearer";
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String UNPROCESSABLE = "IdempotencyKeyReused";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";

    /** The public citizen endpoints, every one rate-limited ({@code CitizenRateLimitFilter}). */
    static final String CITIZEN_PATHS = "/api/v1/citizen/";

    /** The public appointment booking endpoints, rate-limited like the citizen's. */
    static final String APPOINTMENT_PATHS = "/api/v1/appointments";

    private static final Logger LOG = Logger.getLogger(ApiDocumentation.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach(ApiDocumentation::addErrorAnswers);
        }
        openAPI.setServers(relativeServers(openAPI.getServers()));
        dropPayaraEndpoints(openAPI);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (Boolean.FALSE.equals(operation.getDeprecated())) {
            operation.setDeprecated(null);
        }
        return operation;
    }

    /**
     * Payara copies every attribute of a {@code @Schema} annotation, defaults included, into the
     * schema: {@code maxProperties: 0} (an object without properties), {@code minLength: 0}, {@code
     * nullable: false}... Those defaults are dropped; nothing in Relais declares them on purpose.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }

    private static void addErrorAnswers(String path, PathItem item) {
        boolean pathParameter = path.contains("{");
        item.getOperations().forEach((method, operation) -> {
            boolean changes = method == PathItem.HttpMethod.POST
                    || method == PathItem.HttpMethod.PUT
                    || method == PathItem.HttpMethod.PATCH
                    || method == PathItem.HttpMethod.DELETE;
            successInsteadOfDefault(operation);
            if (operation.getRequestBody() != null || hasQueryParameter(operation)) {
                answer(operation, "400", BAD_REQUEST);
            }
            if (needsAnAccount(operation)) {
                answer(operation, "401", UNAUTHORIZED);
                answer(operation, "403", FORBIDDEN);
            }
            if (pathParameter) {
                answer(operation, "404", NOT_FOUND);
                if (changes) {
                    answer(operation, "409", CONFLICT);
                }
            }
            if (hasHeader(operation, "Idempotency-Key")) {
                answer(operation, "422", UNPROCESSABLE);
            }
            if (path.startsWith(CITIZEN_PATHS) || path.startsWith(APPOINTMENT_PATHS)) {
                answer(operation, "429", TOO_MANY_REQUESTS);
            }
        });
    }

    /**
     * Payara describes what a method returns as the {@code default} answer (any status not listed),
     * which would then also stand for the errors: it becomes the 200 answer, unless the operation
     * declares its own success (201), which replaces it.
     */
    private static void successInsteadOfDefault(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || !responses.hasAPIResponse(APIResponses.DEFAULT)) {
            return;
        }
        APIResponse generated = responses.getDefaultValue();
        responses.removeAPIResponse(APIResponses.DEFAULT);
        boolean declared = responses.getAPIResponses().keySet().stream().anyMatch(s -> s.startsWith("2"));
        if (!declared) {
            responses.addAPIResponse("200", generated.description("OK."));
        }
    }

    /** A requirement naming a scheme; the empty one ({@code {}}) says the operation is public. */
    private static boolean needsAnAccount(Operation operation) {
        return operation.getSecurity() != null
                && operation.getSecurity().stream()
                        .anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static boolean hasQueryParameter(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
    }

    private static void answer(Operation operation, String status, String response) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation
                    .getResponses()
                    .addAPIResponse(status, OASFactory.createAPIResponse().ref(response));
        }
    }

    private static List<Server> relativeServers(List<Server> servers) {
        String path = "/";
        if (servers != null && !servers.isEmpty() && servers.get(0).getUrl() != null) {
            try {
                String declared = java.net.URI.create(servers.get(0).getUrl()).getPath();
                if (declared != null && declared.length() > 1) {
                    path = declared.endsWith("/") ? declared.substring(0, declared.length() - 1) : declared;
                }
            } catch (IllegalArgumentException e) {
                // keep "/"
            }
        }
        return List.of(OASFactory.createServer().url(path).description("This Relais instance"));
    }

    /** Payara's own {@code OpenAPIImpl.setEndpoints}: not in the MicroProfile model, hence reflection. */
    private static void dropPayaraEndpoints(OpenAPI openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new TreeMap<String, Object>());
        } catch (NoSuchMethodException e) {
            // another implementation, or a Payara version that no longer writes it
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot remove Payara's endpoints field from the OpenAPI document", e);
        }
    }
}
