package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.launcher.RelaisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the running application serves at {@code /openapi}: what it must say, and
 * Redocly's recommended lint on it (the {@code @redocly/cli} pinned in {@code web/package.json},
 * installed by the build with {@code npm ci}; rules in {@code web/.redocly.yaml}). The document
 * is kept in {@code web/target/openapi/openapi.yaml}.
 */
class OpenApiIT {
    static final RelaisServer server = TestEnvironment.server();
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** The directory import refuses a file with bad lines by 422, listing them (not an idempotency refusal). */
    static final String DIRECTORY_IMPORT = "POST /api/v1/units/import";

    static String yaml;
    static JsonObject document;
    static Path file;

    @BeforeAll
    static void fetchTheDocument() throws IOException, InterruptedException {
        yaml = fetch("text/plain"); // Payara serves YAML as text/plain
        document =
                Json.createReader(new StringReader(fetch("application/json"))).readObject();
        file = TestEnvironment.buildDir().resolve("openapi").resolve("openapi.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    @Test
    void everyOperationHasASummaryAUniqueIdAndItsErrorAnswers() {
        Set<String> ids = new HashSet<>();
        List<String> operations = operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        for (String key : operations) {
            JsonObject operation = operation(key);
            assertThat(operation.getString("summary", "")).as(key).isNotBlank();
            assertThat(ids.add(operation.getString("operationId", key)))
                    .as("unique operationId of " + key)
                    .isTrue();
            JsonObject responses = operation.getJsonObject("responses");
            assertThat(responses.keySet()).as(key).anyMatch(s -> s.startsWith("2"));
            assertThat(responses.keySet()).as(key).doesNotContain("default");
            List<String> errors =
                    responses.keySet().stream().filter(s -> s.startsWith("4")).toList();
            assertThat(errors).as(key + " documents its 4xx answers").isNotEmpty();
            for (String status : errors) {
                JsonObject answer = resolve(responses.getJsonObject(status));
                assertThat(answer.getJsonObject("content")
                                .getJsonObject("application/json")
                                .getJsonObject("schema")
                                .getString("$ref"))
                        .as(key + " " + status)
                        .isEqualTo(
                                (key + " " + status).equals(DIRECTORY_IMPORT + " 422")
                                        ? "#/components/schemas/InvalidLines" // an ApiError listing the bad lines
                                        : "#/components/schemas/ApiError");
            }
        }
    }

    @Test
    void staffOperationsTakeBasicOrABearerTokenAndTheCitizensArePublic() {
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertThat(schemes.getJsonObject("basic").getString("type")).isEqualTo("http");
        assertThat(schemes.getJsonObject("basic").getString("scheme")).isEqualTo("basic");
        assertThat(schemes.getJsonObject("bearer").getString("type")).isEqualTo("http");
        assertThat(schemes.getJsonObject("bearer").getString("scheme")).isEqualTo("bearer");
        assertThat(document.containsKey("security"))
                .as("no global requirement: the citizen's operations are public")
                .isFalse();
        for (String key : operations()) {
            JsonObject operation = operation(key);
            if (key.contains(" /api/v1/citizen/")
                    || key.contains(" /api/v1/communes")
                    || key.equals("GET /api/v1/orientation")
                    || key.contains(" /api/v1/sheets")
                    || key.endsWith(" /api/v1/units/nearby")
                    || key.contains(" /api/v1/appointments")) {
                assertThat(operation.get("security"))
                        .as(key + " public: only the empty requirement")
                        .isEqualTo(Json.createArrayBuilder()
                                .add(JsonValue.EMPTY_JSON_OBJECT)
                                .build());
                assertThat(operation.getJsonObject("responses").keySet())
                        .as(key)
                        .doesNotContain("401");
            } else {
                assertThat(operation.getJsonArray("security").getValuesAs(JsonObject.class).stream()
                                .flatMap(r -> r.keySet().stream())
                                .toList())
                        .as(key)
                        .containsExactlyInAnyOrderElementsOf(
                                key.endsWith(" /api/v1/tokens")
                                        ? java.util.List.of("basic") // a token never buys another
                                        : java.util.List.of("basic", "bearer"));
                assertThat(operation.getJsonObject("responses").keySet())
                        .as(key)
                        .contains("401", "403");
            }
        }
    }

    @Test
    void theCitizensOperationsDeclareTheRateLimitWithRetryAfterAndTheReusedIdempotencyKey() {
        List<String> citizen = operations().stream()
                .filter(k -> k.contains(" /api/v1/citizen/") || k.contains(" /api/v1/appointments"))
                .toList();
        assertThat(citizen).contains("POST /api/v1/citizen/chats", "POST /api/v1/citizen/chats/{id}/messages");
        for (String key : citizen) {
            JsonObject tooMany =
                    resolve(operation(key).getJsonObject("responses").getJsonObject("429"));
            assertThat(tooMany).as(key + " declares 429").isNotNull();
            assertThat(tooMany.getJsonObject("headers")
                            .getJsonObject("Retry-After")
                            .getJsonObject("schema")
                            .getString("type"))
                    .as(key + " 429 tells when to retry")
                    .isEqualTo("integer");
        }
        for (String key : operations()) {
            boolean idempotent = operation(key).getJsonArray("parameters") != null
                    && operation(key).getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                            .anyMatch(p -> "Idempotency-Key".equals(p.getString("name")));
            assertThat(operation(key).getJsonObject("responses").containsKey("422"))
                    .as(key + ": 422 exactly where an Idempotency-Key is taken, and for a directory file's bad lines")
                    .isEqualTo(idempotent || key.equals(DIRECTORY_IMPORT));
        }
        assertThat(resolve(operation("POST /api/v1/citizen/chats")
                                .getJsonObject("responses")
                                .getJsonObject("422"))
                        .getString("description"))
                .contains("Idempotency-Key");
        assertThat(operation("GET /api/v1/chats").getJsonObject("responses").keySet())
                .as("staff operations are not rate-limited")
                .doesNotContain("429");
    }

    @Test
    void timesAreIsoStrings() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("ChatView")
                        .getJsonObject("properties")
                        .getJsonObject("createdAt")
                        .getString("$ref"))
                .isEqualTo("#/components/schemas/Instant");
        assertThat(schemas.getJsonObject("Instant").getString("format")).isEqualTo("date-time");
    }

    @Test
    void redoclysRecommendedLintFindsNothing() throws Exception {
        Path dir = Path.of(System.getProperty("relais.lint.dir", "."));
        Path report = file.resolveSibling("lint.json");
        Path log = file.resolveSibling("lint.log");
        ProcessBuilder lint = new ProcessBuilder(
                        "npx",
                        "--no-install",
                        "redocly",
                        "lint",
                        "--config",
                        dir.resolve(".redocly.yaml").toString(),
                        "--format",
                        "json",
                        file.toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectOutput(report.toFile())
                .redirectError(log.toFile());
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = lint.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("lint finished").isTrue();
        String output = Files.readString(report);
        String messages = Files.readString(log);
        JsonObject result;
        try {
            result = Json.createReader(new StringReader(output)).readObject();
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "Redocly lint did not answer (is `npm ci` done in web/?): exit " + process.exitValue() + "\n"
                            + output + messages,
                    e);
        }
        List<String> problems = new ArrayList<>();
        for (JsonObject problem : result.getJsonArray("problems").getValuesAs(JsonObject.class)) {
            String where = problem.getJsonArray("location").getValuesAs(JsonObject.class).stream()
                    .map(l -> l.getString("pointer", ""))
                    .findFirst()
                    .orElse("");
            problems.add(problem.getString("severity") + " " + problem.getString("ruleId") + " at " + where + ": "
                    + problem.getString("message"));
        }
        JsonObject totals = result.getJsonObject("totals");
        System.out.printf(
                "Redocly lint of %s: %d errors, %d warnings%n%s%n",
                file, totals.getInt("errors"), totals.getInt("warnings"), String.join("\n", problems));
        assertThat(problems)
                .as("Redocly lint problems (rules in web/.redocly.yaml)")
                .isEmpty();
        assertThat(process.exitValue()).as(messages).isZero();
    }

    private static List<String> operations() {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            for (String method : path.getValue().asJsonObject().keySet()) {
                if (METHODS.contains(method)) {
                    keys.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return keys;
    }

    private static JsonObject operation(String key) {
        String[] parts = key.split(" ", 2);
        return document.getJsonObject("paths").getJsonObject(parts[1]).getJsonObject(parts[0].toLowerCase());
    }

    private static JsonObject resolve(JsonObject maybeRef) {
        if (!maybeRef.containsKey("$ref")) {
            return maybeRef;
        }
        String ref = maybeRef.getString("$ref");
        assertThat(ref).startsWith("#/components/responses/");
        JsonObject target = document.getJsonObject("components")
                .getJsonObject("responses")
                .getJsonObject(ref.substring("#/components/responses/".length()));
        assertThat(target).as(ref).isNotNull();
        return target;
    }

    private static String fetch(String type) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/openapi"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Accept", type)
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
