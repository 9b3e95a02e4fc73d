package org.charterledger.endtoend;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml (and its jar variant) read with a YAML parser, since the build machine has no container engine
 * to run them: each service has a health check it can run and a restart policy; the query service starts once the
 * command service is healthy; each service connects as its own database role, created by the init script; and the
 * README's commands set every variable the files require.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> SERVICES = List.of("postgres", "command-service", "query-service");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(:?[-?+][^}]*)?}");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(\\S+)$");

    private static final Map<String, Object> COMPOSE = yaml("docker-compose.yml");
    private static final Map<String, Object> JARS = yaml("docker-compose.jars.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(ROOT.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return map(map(compose.get("services")).get(name));
    }

    private static Map<String, Object> environment(String name) {
        return map(service(COMPOSE, name).get("environment"));
    }

    @Test
    void everyServiceHasAHealthCheckAndARestartPolicy() {
        assertThat(map(COMPOSE.get("services")).keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String name : SERVICES) {
            Map<String, Object> service = service(COMPOSE, name);
            assertThat(service.get("restart")).as(name + " restart").isIn("always", "unless-stopped", "on-failure");
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            assertThat(healthcheck).as(name + " healthcheck").isNotNull().containsKey("test");
            assertThat(healthcheck.get("disable")).as(name + " healthcheck disabled").isNotEqualTo(true);
        }
    }

    @Test
    void theServicesHealthChecksAskForReadinessOnTheirOwnPortWithAClassOfTheLedgerAndNoCurl() {
        for (String name : List.of("command-service", "query-service")) {
            Map<String, Object> service = service(COMPOSE, name);
            List<Object> test = list(map(service.get("healthcheck")).get("test"));
            String port = list(service.get("ports")).get(0).toString().replaceAll(".*:", "");
            // exec form: no shell, so nothing but java is needed in the image
            assertThat(test.get(0)).isEqualTo("CMD");
            assertThat(test.get(1)).isEqualTo("java");
            assertThat(test).doesNotContain("curl", "wget")
                    .contains("/app/libs/*", "org.charterledger.web.HealthCheck",
                            "http://localhost:" + port + "/actuator/health/readiness");
            assertThat(ROOT.resolve("ledger-web/src/main/java/org/charterledger/web/HealthCheck.java")).exists();
        }
        // the jar variant mounts ledger-web's jar where the images keep their libraries, so the same check runs
        for (String name : List.of("command-service", "query-service")) {
            assertThat(list(service(JARS, name).get("volumes"))).anySatisfy(volume -> assertThat(volume.toString())
                    .matches("\\./ledger-web/target/ledger-web-[^:]+\\.jar:/app/libs/[^:]+\\.jar:ro"));
            assertThat(service(JARS, name)).doesNotContainKey("healthcheck");
        }
    }

    @Test
    void theQueryServiceStartsOnceTheCommandServiceIsHealthyAndBothOnceTheDatabaseIs() {
        Map<String, Object> query = map(service(COMPOSE, "query-service").get("depends_on"));
        assertThat(map(query.get("command-service")).get("condition")).isEqualTo("service_healthy");
        assertThat(map(query.get("postgres")).get("condition")).isEqualTo("service_healthy");
        Map<String, Object> command = map(service(COMPOSE, "command-service").get("depends_on"));
        assertThat(map(command.get("postgres")).get("condition")).isEqualTo("service_healthy");
    }

    @Test
    void eachServiceConnectsAsItsOwnRoleWhichTheInitScriptCreatesAndNeverAsTheSuperuser() throws IOException {
        String roles = Files.readString(ROOT.resolve("scripts/postgres-init/ledger-roles.sh"));
        Set<String> created = new LinkedHashSet<>();
        Matcher role = Pattern.compile("CREATE ROLE (\\w+) LOGIN").matcher(roles);
        while (role.find()) {
            created.add(role.group(1));
        }
        String superuser = environment("postgres").get("POSTGRES_USER").toString();
        String commandUser = environment("command-service").get("LEDGER_DB_USER").toString();
        String queryUser = environment("query-service").get("LEDGER_DB_USER").toString();
        String owner = environment("command-service").get("LEDGER_DB_OWNER").toString();

        assertThat(commandUser).isNotEqualTo(queryUser).isNotEqualTo(owner).isNotEqualTo(superuser);
        assertThat(queryUser).isNotEqualTo(owner).isNotEqualTo(superuser);
        assertThat(created).contains(commandUser, queryUser, owner).doesNotContain(superuser);
        // the command service's migrations grant the query service's role its reads, by the name given here
        assertThat(environment("command-service").get("LEDGER_DB_READER")).isEqualTo(queryUser);
        // each service's password is its own role's, as the init script sets it
        assertThat(environment("command-service").get("LEDGER_DB_PASSWORD").toString())
                .contains("LEDGER_COMMAND_DB_PASSWORD");
        assertThat(environment("query-service").get("LEDGER_DB_PASSWORD").toString())
                .contains("LEDGER_QUERY_DB_PASSWORD");
        assertThat(roles).contains("ledger_command LOGIN PASSWORD :'command_password'",
                "ledger_query LOGIN PASSWORD :'query_password'", "command_password=\"$LEDGER_COMMAND_DB_PASSWORD\"",
                "query_password=\"$LEDGER_QUERY_DB_PASSWORD\"", "REVOKE ALL ON DATABASE",
                "CREATE SCHEMA projection AUTHORIZATION " + queryUser);
        // the database and schema ledger belong to the owner only; the services get no more than R__privileges grants
        assertThat(roles).contains("OWNER TO " + owner).doesNotContain("SUPERUSER", "GRANT ALL", "CREATEDB",
                "CREATEROLE");
    }

    @Test
    void theServicesRunTheImagesTheImageProfileBuildsAndTheJarVariantTheJarsThePackageBuilds() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>charter-ledger</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(pom).contains("<image>charter-ledger/${project.artifactId}:${project.version}</image>",
                "<user>10001:10001</user>");
        for (String name : List.of("command-service", "query-service")) {
            assertThat(service(COMPOSE, name).get("image")).isEqualTo("charter-ledger/" + name + ":" + version.group(1));
            assertThat(Files.readString(ROOT.resolve(name + "/pom.xml"))).contains("<id>image</id>",
                    "<artifactId>jib-maven-plugin</artifactId>");
            assertThat(list(service(JARS, name).get("volumes"))).contains(
                    "./" + name + "/target/" + name + "-" + version.group(1) + ".jar:/app/service.jar:ro");
            assertThat(service(JARS, name).get("command").toString()).contains("-jar, /app/service.jar");
        }
    }

    @Test
    void theReadmesComposeCommandsSetEveryVariableTheFilesRequire() throws IOException {
        Set<String> required = new LinkedHashSet<>();
        for (String file : List.of("docker-compose.yml", "docker-compose.jars.yml")) {
            Matcher variable = VARIABLE.matcher(Files.readString(ROOT.resolve(file)));
            while (variable.find()) {
                String modifier = variable.group(2);
                // ${VAR:-default} and ${VAR-default} need nothing; ${VAR}, ${VAR:?...} and ${VAR?...} need VAR
                if (modifier == null || modifier.startsWith(":?") || modifier.startsWith("?")) {
                    required.add(variable.group(1));
                }
            }
        }
        assertThat(required).contains("POSTGRES_PASSWORD", "LEDGER_COMMAND_DB_PASSWORD", "LEDGER_QUERY_DB_PASSWORD",
                "LEDGER_DB_OWNER_PASSWORD", "LEDGER_SECRETARIAT_PASSWORD");

        List<String> commands = composeCommands(Files.readString(ROOT.resolve("README.md")));
        assertThat(commands).as("the README's docker compose up commands").hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(command -> assertThat(command).contains("-f docker-compose.jars.yml"));
        for (String command : commands) {
            Map<String, String> set = assignments(command);
            assertThat(set).as(command).containsKeys(required.toArray(String[]::new));
            assertThat(set.values()).as(command).allSatisfy(value -> assertThat(value).isNotBlank().isNotEqualTo("..."));
        }
    }

    /** Each shell command in the README's code blocks that starts the compose file, continuation lines joined. */
    static List<String> composeCommands(String readme) {
        List<String> commands = new ArrayList<>();
        boolean inCode = false;
        StringBuilder command = new StringBuilder();
        for (String line : readme.split("\n")) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (!inCode) {
                continue;
            }
            String text = line.replaceFirst("\\s+#.*$", "").strip();
            if (text.endsWith("\\")) {
                command.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            command.append(text);
            String whole = command.toString().strip().replaceAll("\\s+", " ");
            command.setLength(0);
            if (whole.matches(".*\\bdocker compose\\b.*\\bup\\b.*")) {
                commands.add(whole);
            }
        }
        return commands;
    }

    /** The VAR=value words that lead a command, before the program it runs. */
    static Map<String, String> assignments(String command) {
        Map<String, String> set = new LinkedHashMap<>();
        for (String word : command.split("\\s+")) {
            Matcher assignment = ASSIGNMENT.matcher(word);
            if (!assignment.matches()) {
                break;
            }
            set.put(assignment.group(1), assignment.group(2));
        }
        return set;
    }

    @Test
    void theReadmeCommandParserReadsJoinedLinesAndLeadingAssignmentsOnly() {
        String readme = """
                text
                ```sh
                A=1 B=two \\
                C=3 docker compose up -d   # comment
                docker compose down
                ```
                """;
        List<String> commands = composeCommands(readme);
        assertThat(commands).containsExactly("A=1 B=two C=3 docker compose up -d");
        assertThat(assignments(commands.get(0))).containsExactly(Map.entry("A", "1"), Map.entry("B", "two"),
                Map.entry("C", "3"));
        assertThat(assignments("docker compose up X=1")).isEmpty();
    }
}
