package org.charterledger.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.charterledger.events.CountryCode;
import org.charterledger.events.Effect;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.PaymentId;
import org.charterledger.events.SubcommitteeId;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OpenAPI document of a service as its answers are on the wire, written once for both services: its title and
 * HTTP Basic, the roles each operation needs (read from the service's {@link ApiAccess} rules), every problem an
 * operation can answer as {@code application/problem+json} ({@link ProblemResponses}' body, with an example), the
 * ledger's value types as the JSON they are written as ({@code Money}'s amount and currency are strings, an
 * {@link Effect} is one of its kinds), and only the {@code /api} paths. A service adds what is its own
 * ({@link Additions}: a command's receipt and headers, a query's {@code atLeast}) before the problems are filled in.
 */
public final class ApiDocument implements OpenApiCustomizer {

    public static final String BASIC = "basicAuth";
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    public static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    /** The extension naming the roles an operation needs; absent, any user of the ledger may call it. */
    public static final String REQUIRED_ROLES = "x-required-roles";

    static {
        // Value types are written as their one value (@JsonValue): say what that value looks like, with NEAR's ids.
        SpringDocUtils.getConfig()
                .replaceWithSchema(MemberId.class, new StringSchema().pattern("^[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*$")
                        .maxLength(MemberId.MAX_LENGTH).example("MN-ULAANBAATAR")
                        .description("a party's id: its ISO 3166-1 country code, a hyphen and an upper-case slug"))
                .replaceWithSchema(CountryCode.class, new StringSchema().pattern("^[A-Z]{2}$").example("MN")
                        .description("an ISO 3166-1 alpha-2 country code"))
                .replaceWithSchema(MeetingId.class, new StringSchema().pattern("^[A-Z0-9]+(-[A-Z0-9]+)*$")
                        .example("GA13").description("a meeting's id, such as GA13 or EC2022"))
                .replaceWithSchema(MotionId.class, new StringSchema().pattern("^[A-Z0-9]+(-[A-Z0-9]+)*$")
                        .example("GA13-M2").description("a motion's id, such as GA13-M2"))
                .replaceWithSchema(PaymentId.class, new StringSchema().format("uuid")
                        .example("1f0e4c2a-6b1d-3c8e-9a57-2d4b8e6f0a13")
                        .description("a payment's id, as the ledger issued it in the payment's receipt"))
                .replaceWithSchema(FiscalYear.class, new IntegerSchema().minimum(java.math.BigDecimal.valueOf(
                        FiscalYear.FIRST)).maximum(java.math.BigDecimal.valueOf(9999)).example(2021)
                        .description("a fiscal year of the Association, the calendar year"))
                .replaceWithSchema(SubcommitteeId.class, new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                        .example(1).description("a subcommittee's number"));
    }

    /**
     * A problem an operation answers when {@code appliesTo(path, operation)}: its status, what it means there, and an
     * example body.
     */
    public record Problem(int status, String description, BiPredicate<String, Operation> appliesTo,
                          Map<String, Object> example) {

        public static Problem always(int status, String description, Map<String, Object> example) {
            return new Problem(status, description, (path, operation) -> true, example);
        }

        /** Only on operations that name a record in their path (an unknown one is 404). */
        public static Problem onPathParameters(int status, String description, Map<String, Object> example) {
            return new Problem(status, description, (path, operation) -> path.contains("{"), example);
        }

        /** Only on operations that read a body. */
        public static Problem onBodies(int status, String description, Map<String, Object> example) {
            return new Problem(status, description, (path, operation) -> operation.getRequestBody() != null, example);
        }
    }

    private final Info info;
    private final String server;
    private final List<ApiAccess> access;
    private final List<Problem> problems;
    private final Additions additions;

    /** What a service adds to its document, before the problems are filled in and the optional made nullable. */
    public interface Additions {

        /** Schemas of the service's own, or more said of those springdoc made. */
        default void components(Components components) {
        }

        /** Parameters, success responses and headers of {@code operation}, on {@code path}. */
        default void operation(String path, Operation operation) {
        }
    }

    /**
     * {@code access}: the service's rules; {@code problems}: what its operations may answer besides success (an
     * operation adds its own with {@code @ApiResponse}, whose body is then described here); {@code additions}:
     * what the service adds.
     */
    public ApiDocument(Info info, String server, List<ApiAccess> access, List<Problem> problems,
                       Additions additions) {
        this.info = info;
        this.server = server;
        this.access = List.copyOf(access);
        this.problems = List.copyOf(problems);
        this.additions = additions;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(info).servers(List.of(new Server().url(server).description("the service on its default port")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("HTTP Basic with the name and password of a ledger user (configured per service);"
                        + " each operation names the roles it needs in " + REQUIRED_ROLES));
        api.security(List.of(new SecurityRequirement().addList(BASIC)));
        components.addSchemas(PROBLEM, problemSchema());
        if (components.getSchemas().containsKey("Money")) {
            components.addSchemas("Money", moneySchema());
        }
        effectKinds(components);
        if (components.getSchemas().containsKey("JsonNode")) {
            // a recorded payload, an effect as recorded: any JSON value (springdoc would say an object)
            components.addSchemas("JsonNode", new Schema<>().description("any JSON value, as recorded"));
        }
        additions.components(components);

        if (api.getTags() != null) {
            // one tag per name (two controllers may share one, each describing its part), in order of name
            Map<String, Tag> tags = new TreeMap<>();
            api.getTags().forEach(tag -> tags.merge(tag.getName(), tag, (first, second) -> new Tag()
                    .name(first.getName()).description(Stream.of(first.getDescription(), second.getDescription())
                            .filter(Objects::nonNull).distinct().sorted().collect(Collectors.joining(" ")))));
            api.setTags(new ArrayList<>(tags.values()));
        }
        Map<String, PathItem> paths = new TreeMap<>();
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                paths.put(path, item);
            }
        });
        api.getPaths().clear();
        paths.forEach((path, item) -> {
            api.getPaths().addPathItem(path, item);
            item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation));
        });
        nullableWhereOptional(components);
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> roles = ApiAccess.rolesFor(access, HttpMethod.valueOf(method.name()), path).orElse(List.of());
        operation.addExtension(REQUIRED_ROLES, roles);
        String who = roles.isEmpty() ? "Any user of the ledger."
                : "Needs the role " + String.join(" or ", roles) + ".";
        operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        additions.operation(path, operation);
        ApiResponses responses = operation.getResponses();
        for (Problem problem : problems) {
            if (problem.appliesTo().test(path, operation) && !responses.containsKey(Integer.toString(problem.status()))) {
                responses.addApiResponse(Integer.toString(problem.status()),
                        new ApiResponse().description(problem.description()));
            }
            ApiResponse response = responses.get(Integer.toString(problem.status()));
            if (response != null && response.getContent() == null) {
                response.content(problemContent(problem.example()));
            }
        }
        responses.forEach((status, response) -> {
            int code = Integer.parseInt(status);
            if (code >= 400 && (response.getContent() == null || response.getContent().containsKey("*/*"))) {
                response.content(problemContent(null));
            }
            if (code < 400 && response.getContent() != null && response.getContent().containsKey("*/*")) {
                response.getContent().put(JSON, response.getContent().remove("*/*"));
            }
            if (code == 429 || code == 503) {
                response.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().schema(new IntegerSchema().minimum(
                        java.math.BigDecimal.ONE)).description("seconds to wait before trying again"));
            }
        });
        // Sorted by status, so that the document reads (and compares) the same whatever the order of adding.
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    private static Content problemContent(Map<String, Object> example) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        if (example != null) {
            media.example(example);
        }
        return new Content().addMediaType(PROBLEM_JSON, media);
    }

    /** A problem's body ({@link ProblemResponses}, each service's {@code Problems}): RFC 9457 and the ledger's own. */
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("a stable type: " + ProblemResponses.TYPE_PREFIX
                + " and a slug, such as dues-refused").example(ProblemResponses.TYPE_PREFIX + "dues-refused"));
        properties.put("title", new StringSchema().description("the HTTP status's phrase"));
        properties.put("status", new IntegerSchema().description("the HTTP status"));
        properties.put("detail", new StringSchema().description("what was refused and why, in a sentence"));
        properties.put("instance", new StringSchema().description("the path of the request refused"));
        properties.put("field", new StringSchema().nullable(true)
                .description("the body field, parameter or header at fault, such as fiscalYear or ballots[3].member"));
        properties.put("rule", new StringSchema().nullable(true)
                .description("the rule broken, such as credited-in-dues-currency or NotNull"));
        properties.put("article", new StringSchema().nullable(true)
                .description("where the charter or a regulation states the rule, such as Dues Regulation Art. 5(1)"));
        properties.put("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("rule", new StringSchema())
                        .addProperty("detail", new StringSchema())
                        .required(List.of("field", "rule", "detail")))
                .description("every invalid field of the body, when more than one may be"));
        properties.put("refusals", new ArraySchema().items(new ObjectSchema()
                        .addProperty("index", new IntegerSchema().description("the ballot's position in the request"))
                        .addProperty("member", new StringSchema())
                        .addProperty("field", new StringSchema())
                        .addProperty("rule", new StringSchema())
                        .addProperty("article", new StringSchema())
                        .addProperty("detail", new StringSchema())
                        .required(List.of("index", "member", "field", "rule", "detail")))
                .description("each refused ballot of a round, when a round of ballots is refused"));
        Schema<?> problem = new ObjectSchema().description("An RFC 9457 problem: why the request was refused;"
                + " nothing was recorded.").required(List.of("type", "title", "status"));
        problem.setProperties(properties);
        return problem;
    }

    /** {@link org.charterledger.events.Money}: an exact decimal and a currency code, both strings. */
    private static Schema<?> moneySchema() {
        return new ObjectSchema()
                .addProperty("amount", new StringSchema().pattern("^-?[0-9]+(\\.[0-9]+)?$")
                        .description("the amount as a decimal string, with as many decimals as the currency has")
                        .example("1000.00"))
                .addProperty("currency", new StringSchema().pattern("^[A-Z]{3}$")
                        .description("an ISO 4217 currency code").example("USD"))
                .required(List.of("amount", "currency"))
                .description("an exact amount in a currency; the amount is a string, never a floating-point number");
    }

    /**
     * An {@link Effect} is written with its kind in {@code type} ({@code @JsonTypeInfo}): each kind is an object of
     * its own fields and that {@code type}, and an effect is one of them. Where the document holds the kinds (the
     * command service's, which reads them), they are rewritten so; every use of them then names {@code Effect}.
     */
    private static void effectKinds(Components components) {
        Map<String, Schema> schemas = components.getSchemas();
        if (!schemas.containsKey(Effect.class.getSimpleName())) {
            return;
        }
        Discriminator discriminator = new Discriminator().propertyName("type");
        List<Schema> kinds = new ArrayList<>();
        Set<String> kindNames = new java.util.HashSet<>();
        for (JsonSubTypes.Type kind : Effect.class.getAnnotation(JsonSubTypes.class).value()) {
            String name = kind.value().getSimpleName();
            Schema<?> declared = schemas.get(name);
            if (declared == null) {
                continue;
            }
            Schema<?> fields = declared.getAllOf() == null ? declared : declared.getAllOf().stream()
                    .filter(part -> part.get$ref() == null).findFirst().orElse(new ObjectSchema());
            Map<String, Schema> properties = new LinkedHashMap<>();
            properties.put("type", new StringSchema()._enum(List.of(kind.name())));
            if (fields.getProperties() != null) {
                properties.putAll(fields.getProperties());
            }
            List<String> required = new ArrayList<>();
            required.add("type");
            properties.keySet().stream().filter(field -> !"type".equals(field) && !OPTIONAL_EFFECT_PARTS.contains(field))
                    .forEach(required::add);
            Schema<?> flat = new ObjectSchema().description("the effect " + kind.name());
            flat.setProperties(properties);
            flat.setRequired(required);
            schemas.put(name, flat);
            String ref = "#/components/schemas/" + name;
            kinds.add(new Schema<>().$ref(ref));
            kindNames.add(ref);
            discriminator.mapping(kind.name(), ref);
        }
        schemas.put(Effect.class.getSimpleName(), new Schema<>().oneOf(kinds).discriminator(discriminator)
                .description("what a motion does once passed: one of its kinds, named in type"));
        for (Schema<?> schema : schemas.values()) {
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                properties.replaceAll((field, property) -> isEffect(property, kindNames)
                        ? new Schema<>().$ref("#/components/schemas/" + Effect.class.getSimpleName()) : property);
            }
        }
    }

    private static boolean isEffect(Schema<?> property, Set<String> kinds) {
        List<Schema> options = property.getOneOf();
        return options != null && options.stream().allMatch(option -> kinds.contains(option.get$ref()));
    }

    /** The parts of an effect that may be left out: a new subcommittee's field of work. */
    private static final Set<String> OPTIONAL_EFFECT_PARTS = Set.of("field");

    /**
     * Answers are written with their nulls: a property that is not required may be null on the wire, and says so.
     * A reference cannot say it beside itself (OpenAPI 3.0 ignores what stands beside a {@code $ref}, and a null
     * matches no {@code allOf} of a non-null schema), so a schema that some property may leave null is nullable.
     */
    private static void nullableWhereOptional(Components components) {
        Set<String> nullableSchemas = new java.util.TreeSet<>();
        for (Schema<?> schema : components.getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().replaceAll((field, property) -> {
                if (required.contains(field) || property.get$ref() == null && property.getType() == null) {
                    return property; // required, or of any type, null included
                }
                if (property.get$ref() != null) {
                    nullableSchemas.add(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
                    return property;
                }
                return copy(property).nullable(true);
            });
        }
        nullableSchemas.stream().map(components.getSchemas()::get)
                .filter(schema -> schema.getType() != null) // a schema of any type (JsonNode) admits null already
                .forEach(schema -> schema.setNullable(true));
    }

    /** A property's own copy: springdoc shares one instance between the properties of one value type. */
    private static Schema<?> copy(Schema<?> schema) {
        try {
            return Json.mapper().readValue(Json.mapper().writeValueAsString(schema), Schema.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The usual example of a problem, for a service's catalogue. */
    public static Map<String, Object> example(HttpStatus status, String type, String detail, String field,
                                              String rule, String article) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemResponses.TYPE_PREFIX + type);
        example.put("title", status.getReasonPhrase());
        example.put("status", status.value());
        example.put("detail", detail);
        if (field != null) {
            example.put("field", field);
        }
        if (rule != null) {
            example.put("rule", rule);
        }
        if (article != null) {
            example.put("article", article);
        }
        return example;
    }

    /** The problems every operation of either service may answer. */
    public static List<Problem> commonProblems() {
        return List.of(
                Problem.always(401, "No credentials, or not those of a ledger user", example(HttpStatus.UNAUTHORIZED,
                        "unauthenticated", "send HTTP Basic credentials of a ledger user", null, null, null)),
                Problem.always(429, "Too many failed logins for this user: wait Retry-After seconds",
                        example(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
                                "too many failed logins for this user or from this address; retry in 30 s", null,
                                "login-throttle", null)),
                Problem.always(503, "The database is away, or the ledger is busy: retry after Retry-After seconds",
                        example(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                                "the ledger's database is unavailable; retry shortly", null, null, null)));
    }
}
