package org.randsum.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        List<String> command = runJarCommandWithoutVectorModule(confDir, classpath, args);
        command.addAll(1, List.of("--add-modules", "jdk.incubator.vector"));
        return command;
    }

    /** As {@link #runJarCommand}, in a JVM without the Vector API module. */
    public static List<String> runJarCommandWithoutVectorModule(Path confDir, String classpath, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g",
                "-Dlog4j.configuration=file:" + projectDir().resolve("conf/local/log4j.properties"),
                "-Djava.io.tmpdir=" + projectDir().resolve("target"),
                "-cp", confDir + File.pathSeparator + classpath,
                "org.apache.hadoop.util.RunJar", jar().toString()));
        command.addAll(args);
        return command;
    }

    /** stderr less the JVM's incubator-module line: what a user of scripts/randsum sees. */
    static String withoutIncubatorWarning(String err) {
        return err.startsWith(INCUBATOR_WARNING + "\n") ? err.substring(INCUBATOR_WARNING.length() + 1) : err;
    }

    public static Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(projectDir().resolve("target"), "proc", ".out");
        Path err = Files.createTempFile(projectDir().resolve("target"), "proc", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command + "\n"
                        + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    withoutIncubatorWarning(Files.readString(err, StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
