package org.randsum.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command in a separate process with a time limit, capturing what it prints. */
public final class Processes {
    public record Result(int exitCode, String out, String err) {
    }

    private Processes() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("user.dir"));
    }

    public static Path jar() {
        return projectDir().resolve("target/randsum.jar");
    }

    /** The Hadoop client class path the build wrote for scripts/randsum. */
    public static String hadoopClasspath() throws IOException {
        return Files.readString(projectDir().resolve("target/hadoop-classpath.txt")).strip();
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The line a JVM prints first on stderr when the Vector API module is added (as scripts/randsum drops it). */
    public static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    /**
     * {@code java --add-modules jdk.incubator.vector -cp CONF:HADOOP org.apache.hadoop.util.RunJar
     * target/randsum.jar ARGS}: what {@code hadoop jar} runs, with the module as scripts/randsum adds it.
     */
    public static List<String> runJarCommand(Path confDir, String classpath, List<String> args) {
        return runJarCommand(jar(), confDir, classpath, args);
    }

    /** As {@link #runJarCommand(Path, String, List)}, for another copy of the jar (one an EMR step fetched). */
    public static List<String> runJarCommand(Path jar, Path confDir, String classpath, List<String> args) {
        List<String> command = runJarCommandWithoutVectorModule(jar, confDir, classpath, args);
        command.addAll(1, List.of("--add-modules", "jdk.incubator.vector"));
        return command;
    }

    /** As {@link #runJarCommand(Path, String, List)}, in a JVM without the Vector API module. */
    public static List<String> runJarCommandWithoutVectorModule(Path confDir, String classpath, List<String> args) {
        return runJarCommandWithoutVectorModule(jar(), confDir, classpath, args);
    }

    private static List<String> runJarCommandWithoutVectorModule(Path jar, Path confDir, String classpath,
            List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g",
                "-Dlog4j.configuration=file:" + projectDir().resolve("conf/local/log4j.properties"),
                "-Djava.io.tmpdir=" + projectDir().resolve("target"),
                "-cp", confDir + File.pathSeparator + classpath,
                "org.apache.hadoop.util.RunJar", jar.toString()));
        command.addAll(args);
        return command;
    }

    /** stderr less the JVM's incubator-module line: what a user of scripts/randsum sees. */
    static String withoutIncubatorWarning(String err) {
        return err.startsWith(INCUBATOR_WARNING + "\n") ? err.substring(INCUBATOR_WARNING.length() + 1) : err;
    }

    /**
     * {@code command} with {@code env} added to this JVM's environment and stdin from /dev/null;
     * waits at most {@code timeoutSeconds}. stderr comes without the incubator line.
     */
    public static Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(projectDir().resolve("target"), "proc", ".out");
        Path err = Files.createTempFile(projectDir().resolve("target"), "proc", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Result result = start(builder, out, err).finish(Duration.ofSeconds(timeoutSeconds));
            return new Result(result.exitCode(), result.out(), withoutIncubatorWarning(result.err()));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Starts {@code builder}'s command in the background with its stdout and stderr going to the
     * files {@code out} and {@code err} (no pipe can fill up); stdin, the environment and the
     * directory are as the builder has them.
     */
    public static Running start(ProcessBuilder builder, Path out, Path err) throws IOException {
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new Running(builder.command(), builder.start(), out, err);
    }

    /** A command running in the background, its output in files. */
    public static final class Running {
        private final List<String> command;
        private final Process process;
        private final Path out;
        private final Path err;

        private Running(List<String> command, Process process, Path out, Path err) {
            this.command = List.copyOf(command);
            this.process = process;
            this.out = out;
            this.err = err;
        }

        public Process process() {
            return process;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        public int exitValue() {
            return process.exitValue();
        }

        /** What it has printed on stdout so far. */
        public String out() throws IOException {
            return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        }

        /** What it has printed on stderr so far. */
        public String err() throws IOException {
            return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
        }

        /** Kills it (SIGKILL) and waits a little for it to go. */
        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        /** Waits for it to exit, at most {@code limit}; after that, kills it and fails with its stderr. */
        public Result finish(Duration limit) throws IOException, InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError("still running after " + limit + ": " + command + "\n" + err());
            }
            return new Result(process.exitValue(), out(), err());
        }
    }
}
