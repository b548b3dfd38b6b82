package fr.relais.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * nginx in front of two instances on loopback, with the compose file's own configuration ({@code
 * docker/nginx.conf}): only the upstream addresses and the listening port are changed, so what the
 * tests check through it is what the compose file deploys. Debian's nginx ({@code apt-get install
 * nginx}; {@code .ci/run} installs it), run in the foreground from a folder of its own.
 */
final class Balancer implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private Balancer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts nginx on {@code port} of the loopback with {@code docker/nginx.conf}, where the compose
     * file's {@code relais-1:8080} and {@code relais-2:8080} become the given instances' addresses.
     */
    static Balancer start(Path dir, int port, String relais1, String relais2) throws Exception {
        Path nginx = Path.of(System.getProperty("relais.nginx", "/usr/sbin/nginx"));
        assertThat(Files.isExecutable(nginx))
                .as("nginx at %s (apt-get install nginx)", nginx)
                .isTrue();
        Path composeConf = Path.of(System.getProperty("relais.lint.dir"), "..", "docker", "nginx.conf")
                .normalize();
        String conf = Files.readString(composeConf);
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("relais-1:8080", relais1);
        changes.put("relais-2:8080", relais2);
        changes.put("listen 8080;", "listen 127.0.0.1:" + port + ";");
        for (Map.Entry<String, String> change : changes.entrySet()) {
            assertThat(conf).as("%s in %s", change.getKey(), composeConf).contains(change.getKey());
            conf = conf.replace(change.getKey(), change.getValue());
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("relais.conf"), conf);
        // what the compose file's nginx image has in its main configuration; paths in this folder
        Files.writeString(
                dir.resolve("nginx.conf"),
                String.join(
                        "\n",
                        "worker_processes 1;",
                        "pid " + dir.resolve("nginx.pid") + ";",
                        "error_log " + dir.resolve("error.log") + " info;",
                        "events { worker_connections 1024; }",
                        "http {",
                        "  log_format relais '$request $status $upstream_addr $cookie_JSESSIONID';",
                        "  access_log " + dir.resolve("access.log") + " relais;",
                        "  client_body_temp_path " + dir.resolve("client_body") + ";",
                        "  proxy_temp_path " + dir.resolve("proxy") + ";",
                        "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                        "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                        "  scgi_temp_path " + dir.resolve("scgi") + ";",
                        "  include " + dir.resolve("relais.conf") + ";",
                        "}",
                        ""));
        Process process = new ProcessBuilder(
                        nginx.toString(),
                        "-p",
                        dir + "/",
                        "-e",
                        dir.resolve("error.log").toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        Balancer balancer = new Balancer(process, dir, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!balancer.listening()) {
            assertThat(process.isAlive())
                    .as("nginx running (%s)", Files.readString(dir.resolve("nginx.out")))
                    .isTrue();
            assertThat(System.nanoTime()).as("nginx listening within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        return balancer;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * nginx's access log so far: one line per request, "{@code <request line> <status> <upstream
     * address(es) tried> <session cookie>}".
     */
    List<String> accessLog() throws IOException {
        return Files.readAllLines(dir.resolve("access.log"));
    }

    /**
     * The lines of the access log that {@code match}, once there are at least {@code count} of them,
     * waiting up to 10 s: nginx writes a request's line once the response is sent, which the client may
     * have read before.
     */
    List<String> awaitLines(Predicate<String> match, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<String> lines = accessLog();
            List<String> matching = lines.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            assertThat(System.nanoTime())
                    .as("%d lines of nginx's access log matching, in %s", count, lines)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
