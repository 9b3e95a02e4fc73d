package org.charterledger.web.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every answer a service's integration tests receive through their {@code TestRestTemplate} is checked against the
 * service's committed OpenAPI document (the system property {@value #DOCUMENT}, set by the service's build): its
 * status must be one the operation declares, its body must match the schema of that status and media type, its
 * declared headers must be there. An answer the document does not describe fails the test that received it, so a
 * document that lies fails the build. Paths and methods the document does not have (the actuator, a test of an
 * unknown path or method) are not checked: there is no operation to check them against.
 */
public final class ContractValidation implements ContextCustomizerFactory {

    /** The system property naming the OpenAPI document to check answers against. */
    public static final String DOCUMENT = "openapi.document";

    private static final Map<Path, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        String document = System.getProperty(DOCUMENT);
        if (document == null || Boolean.getBoolean(CommittedDocument.REFRESH)) {
            // no document named, or it is being rewritten from the live one: nothing to check answers against
            return null;
        }
        return new Customizer(Path.of(document).toAbsolutePath().normalize());
    }

    /** The validator of {@code document}: the answers outside its operations are left alone. */
    public static OpenApiInteractionValidator validatorFor(Path document) {
        return VALIDATORS.computeIfAbsent(document, path -> {
            try {
                return OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(path))
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                                .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                                .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                                .build())
                        .build();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the OpenAPI document " + path, e);
            }
        });
    }

    /** What {@code validator} finds wrong with an answer; empty when the document describes it. */
    public static String problems(OpenApiInteractionValidator validator, String method, String path, int status,
                                  HttpHeaders headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (!body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "- " + message.getKey() + ": " + message.getMessage()
                        + (message.getContext().flatMap(c -> c.getPointers()).map(p -> " (at " + p.getInstance() + ")")
                        .orElse("")))
                .collect(Collectors.joining("\n"));
    }

    private record Customizer(Path document) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            RestTemplateCustomizer customizer = template -> template.getInterceptors().add(new Checking(document));
            context.getBeanFactory().registerSingleton("openApiContractValidation", customizer);
        }
    }

    /** Checks each answer of the API, then hands it on with its body intact. */
    private record Checking(Path document) implements ClientHttpRequestInterceptor {

        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            ClientHttpResponse response = execution.execute(request, body);
            if (!request.getURI().getPath().startsWith("/api/")) {
                return response;
            }
            OpenApiInteractionValidator validator = validatorFor(document);
            byte[] answer;
            try (InputStream in = response.getBody()) {
                answer = in.readAllBytes();
            }
            String text = new String(answer, StandardCharsets.UTF_8);
            String found = problems(validator, request.getMethod().name(), request.getURI().getPath(),
                    response.getStatusCode().value(), response.getHeaders(), text);
            if (!found.isEmpty()) {
                throw new AssertionError("The answer to " + request.getMethod() + " " + request.getURI().getPath()
                        + " (" + response.getStatusCode().value() + ") is not as " + document.getFileName()
                        + " describes it:\n" + found + "\nheaders: " + response.getHeaders() + "\nbody: " + text);
            }
            return new Buffered(response, answer);
        }
    }

    private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public void close() {
            response.close();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }
    }
}
