package fr.relais.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroRecipeTest {
    static final Path MICRO = Path.of("/opt/payara/payara-micro.jar");
    static final Path DRIVER = Path.of("/opt/payara/lib/mariadb-java-client.jar");
    static final Path WAR = Path.of("/opt/payara/deployments/relais.war");

    @TempDir
    Path work;

    @Test
    void theRunCommandAndTheTestsStartAnInstanceAloneWithTheirSettingsFile() {
        var recipe = new MicroRecipe(MICRO, DRIVER, work)
                .war(WAR)
                .port(28080)
                .systemProperties(work.resolve("relais.properties"));

        assertThat(recipe.command(Path.of("java")))
                .containsExactly(
                        "java",
                        "-Xmx512m",
                        "-Duser.timezone=UTC",
                        "-Dfile.encoding=UTF-8",
                        "-Djavax.xml.datatype.DatatypeFactory=" + MicroRecipe.DATATYPE_FACTORY,
                        "-Dhazelcast.phone.home.enabled=false",
                        "-jar",
                        MICRO.toString(),
                        "--nocluster",
                        "--disablephonehome",
                        "--addlibs",
                        DRIVER.toString(),
                        "--prebootcommandfile",
                        work.resolve("pre-boot-commands.asadmin").toString(),
                        "--systemproperties",
                        work.resolve("relais.properties").toString(),
                        "--port",
                        "28080",
                        "--unpackdir",
                        work.resolve("micro").toString(),
                        "--contextroot",
                        "/",
                        "--deploy",
                        WAR.toString());
    }

    @Test
    void instancesOfOneMachineClusterOnLoopbackWithTheirOwnGridPorts() {
        var recipe = new MicroRecipe(MICRO, DRIVER, work)
                .war(WAR)
                .port(28080)
                .cluster("relais-it-42", "127.0.0.1:29001,127.0.0.1:29002")
                .gridPort(29002)
                .gridInterfaces("127.0.0.1");

        assertThat(recipe.arguments())
                .doesNotContain("--nocluster")
                .containsSequence(
                        "--clustername",
                        "relais-it-42",
                        "--clustermode",
                        "tcpip:127.0.0.1:29001,127.0.0.1:29002",
                        "--startport",
                        "29002",
                        "--interfaces",
                        "127.0.0.1");
        assertThat(new MicroRecipe(MICRO, DRIVER, work).war(WAR).gridPort(29002).arguments())
                .as("alone, no grid settings")
                .contains("--nocluster")
                .doesNotContain("--startport", "--interfaces");
    }

    @Test
    void aContainerJoinsTheClusterItsEnvironmentNamesWithItsRouteAndJvmOptions() {
        var recipe = MicroRecipe.fromEnvironment(
                Map.of(
                        "RELAIS_CLUSTER_NAME", "relais",
                        "RELAIS_CLUSTER_MEMBERS", "relais-1:6900,relais-2:6900",
                        "JVM_ARGS", " -XX:+ExitOnOutOfMemoryError  -Xmx768m ",
                        "JVM_ROUTE", "relais-1"),
                MICRO,
                DRIVER,
                WAR,
                work);

        assertThat(recipe.jvmOptions())
                .containsExactly(
                        "-Xmx512m",
                        "-Duser.timezone=UTC",
                        "-Dfile.encoding=UTF-8",
                        "-Djavax.xml.datatype.DatatypeFactory=" + MicroRecipe.DATATYPE_FACTORY,
                        "-Dhazelcast.phone.home.enabled=false",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Xmx768m",
                        "-DjvmRoute=relais-1");
        assertThat(recipe.arguments())
                .doesNotContain("--nocluster")
                .containsSequence("--clustername", "relais", "--clustermode", "tcpip:relais-1:6900,relais-2:6900")
                .containsSequence("--port", "8080")
                .containsSequence("--contextroot", "/", "--deploy", WAR.toString())
                .doesNotContain("--systemproperties");
    }

    @Test
    void aContainerWithoutMembersStaysAlone() {
        var recipe = MicroRecipe.fromEnvironment(Map.of("RELAIS_PORT", "9090"), MICRO, DRIVER, WAR, work);

        assertThat(recipe.arguments()).contains("--nocluster").containsSequence("--port", "9090");
        assertThat(recipe.jvmOptions()).noneMatch(o -> o.startsWith("-DjvmRoute"));
    }

    @Test
    void arquillianGetsTheSharedArgumentsButChoosesPortAndDeploymentItself() {
        var recipe = new MicroRecipe(MICRO, DRIVER, work).systemProperties(work.resolve("it.properties"));

        assertThat(recipe.sharedArguments())
                .contains("--nocluster", "--disablephonehome")
                .doesNotContain("--port", "--deploy", "--contextroot");
    }

    @Test
    void theContainerEntrypointGetsAJavaArgumentFileOfTheSameCommand() throws Exception {
        Path war = work.resolve("my \"apps\"\\relais.war");
        var recipe = new MicroRecipe(MICRO, DRIVER, work).war(war);

        List<String> lines = recipe.argumentFile().lines().toList();

        assertThat(lines.get(0)).isEqualTo("\"-Xmx512m\"");
        assertThat(lines).contains("\"-jar\"", "\"" + MICRO + "\"");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("\"" + work + "/my \\\"apps\\\"\\\\relais.war\"");
        assertThat(lines).hasSize(recipe.command(Path.of("java")).size() - 1);
    }

    @Test
    void preparingWritesTheBootCommandsAndEmptiesTheUnpackFolder() throws Exception {
        var recipe = new MicroRecipe(MICRO, DRIVER, work).war(WAR);
        Files.createDirectories(recipe.unpackDir().resolve("stale"));
        Files.writeString(recipe.unpackDir().resolve("stale/app.class"), "old");

        recipe.prepare();

        assertThat(recipe.unpackDir()).doesNotExist();
        assertThat(Files.readString(recipe.bootCommandFile()))
                .contains("http-listener.http.server-header=false")
                .contains("http-listener.http.xpowered-by=false");
    }

    @Test
    void classDataSharingRecordsAnArchiveThenMapsItAndNeverUsesABrokenOne() throws Exception {
        Path micro = Files.writeString(work.resolve("payara-micro.jar"), "not a real jar");
        Path archive = work.resolve("cds").resolve("relais.jsa");
        var recipe = new MicroRecipe(micro, DRIVER, work).war(WAR).classDataSharing(archive);

        recipe.prepare();
        assertThat(recipe.jvmOptions()).contains("-XX:ArchiveClassesAtExit=" + recipe.recordingArchive());

        // a killed recording start (or one whose archive does not start a JVM) leaves nothing to map
        Files.writeString(recipe.recordingArchive(), "half an archive");
        recipe.keepRecordedArchive(137);
        assertThat(recipe.recordingArchive()).doesNotExist();
        assertThat(archive).doesNotExist();

        // an archive that is not this JDK's (here: not an archive at all) is recorded again
        Files.writeString(archive, "garbage");
        recipe.prepare();
        assertThat(archive).doesNotExist();
        assertThat(recipe.jvmOptions()).contains("-XX:ArchiveClassesAtExit=" + recipe.recordingArchive());

        // a clean stop's real archive (this JDK's, recorded by a JVM that ran -version) is kept, then mapped
        Process recording = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:ArchiveClassesAtExit=" + recipe.recordingArchive(),
                        "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(recording.waitFor()).isZero();
        recipe.keepRecordedArchive(0);
        assertThat(archive).exists();
        assertThat(recipe.recordingArchive()).doesNotExist();
        recipe.prepare();
        assertThat(recipe.jvmOptions())
                .contains("-XX:SharedArchiveFile=" + archive)
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));

        // without the option: nothing about sharing
        var plain = new MicroRecipe(micro, DRIVER, work).war(WAR);
        plain.prepare();
        assertThat(plain.jvmOptions()).noneMatch(o -> o.contains("Shared") || o.contains("Archive"));
    }
}
