package org.randsum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test's own scripts/cluster: its state and client configuration under target/NAME, every port
 * moved by {@code basePort - 8000} (CLUSTER_BASE_PORT), so that it runs beside a developer's
 * cluster and the other tests'. The scripts get its environment, RANDSUM_CONF_DIR included.
 */
public final class ScriptCluster {
    private final Path base;
    private final int basePort;
    private final Map<String, String> env;

    /** {@code extraEnv}: more of scripts/cluster's variables (CLUSTER_VCORES, CLUSTER_MEMORY_MB). */
    public ScriptCluster(String name, int basePort, Map<String, String> extraEnv) {
        this.base = Processes.projectDir().resolve("target").resolve(name);
        this.basePort = basePort;
        Map<String, String> all = new HashMap<>(extraEnv);
        all.put("CLUSTER_BASE_PORT", Integer.toString(basePort));
        all.put("CLUSTER_STATE_DIR", state().toString());
        all.put("CLUSTER_CONF_DIR", conf().toString());
        all.put("RANDSUM_CONF_DIR", conf().toString());
        this.env = Map.copyOf(all);
    }

    public Path base() {
        return base;
    }

    /** The daemons' configuration, data, logs and pids. */
    public Path state() {
        return base.resolve("state");
    }

    /** The client configuration the cluster writes. */
    public Path conf() {
        return base.resolve("conf");
    }

    public Map<String, String> env() {
        return env;
    }

    /** A standard port (8088, 19888, ...) as this cluster moves it. */
    public int port(int standard) {
        return standard + basePort - 8000;
    }

    public String rmWeb() {
        return "http://localhost:" + port(8088);
    }

    public String jhsWeb() {
        return "http://localhost:" + port(19888);
    }

    /** The command line of scripts/NAME with {@code args}. */
    public List<String> command(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(Processes.projectDir().resolve("scripts/" + name).toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs scripts/NAME in this cluster's environment, for at most 240 s. */
    public Processes.Result script(String name, String... args) throws Exception {
        return Processes.run(command(name, args), env, 240);
    }

    /** This cluster's processes: every daemon and task JVM names its state directory. */
    public List<String> processes() throws Exception {
        Processes.Result ps = Processes.run(List.of("ps", "-eo", "args"), Map.of(), 30);
        return ps.out().lines().filter(line -> line.contains(state() + "/") && !line.startsWith("ps ")).toList();
    }

    /** The body of a GET asking for JSON, asserted to be a 200. */
    public static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }
}
