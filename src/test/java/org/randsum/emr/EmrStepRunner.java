package org.randsum.emr;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.randsum.emr.Moto.texts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.randsum.emr.Moto.StepRef;
import org.randsum.testing.Processes;
import org.randsum.testing.SiteFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Plays the EMR cluster's part for a step moto holds (moto accepts steps but never runs them), as
 * EMR runs a CUSTOM_JAR step: fetches the step's jar from its S3 bucket, writes the client
 * configuration as EMR lays it out on a node, runs the jar as {@code hadoop jar JAR ARGS} does
 * (RunJar in a JVM of its own, on the Hadoop client class path with S3A), uploads the step's stdout
 * and stderr to the cluster's log URI, and moves the step to COMPLETED or FAILED from randsum's own
 * exit code. A transient cluster then terminates, as with {@code --auto-terminate}.
 *
 * <p>The configuration: one file per classification of the cluster's {@code Configurations}
 * (conf/emr/configurations.json), over EMR's own keys: core-site.xml maps {@code s3://} to S3A, as
 * EMR 7.10 and later do, with S3A pointed at moto; mapred-site.xml names the framework. The one
 * difference from a real node: the framework is {@code local} and the default filesystem the local
 * one, as there is no YARN here (ClusterIT runs the same site-file layout on YARN).
 */
final class EmrStepRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STEP_LIMIT_SECONDS = 300;
    private final Moto moto;
    private final Path work;

    /** What the step did: randsum's exit code and output, and where EMR would keep its logs. */
    record StepRun(int exitCode, String out, String err, String logs) {
    }

    EmrStepRunner(Moto moto, Path work) {
        this.moto = moto;
        this.work = work;
    }

    StepRun run(StepRef step) throws Exception {
        JsonNode config = moto.emr("DescribeStep", JSON.createObjectNode().put("ClusterId", step.clusterId())
                .put("StepId", step.stepId())).path("Step").path("Config");
        JsonNode cluster = moto.describeCluster(step.clusterId());
        Path dir = Files.createDirectories(work.resolve("steps").resolve(step.stepId()));
        Path jar = fetch(config.path("Jar").asText(), dir);
        Path conf = clientConf(cluster.path("Configurations"), dir);

        moto.setStepState(step, "RUNNING", null);
        Processes.Result result = Processes.run(Processes.runJarCommand(jar, conf, Processes.hadoopClasspath(),
                texts(config.path("Args"), null)), Map.of(), STEP_LIMIT_SECONDS);
        String logUri = cluster.path("LogUri").asText("");
        String logs = logUri.isEmpty() ? null : logUri + step.clusterId() + "/steps/" + step.stepId() + "/";
        if (logs != null) {
            moto.putObject(logs + "stdout.gz", gzip(result.out()));
            moto.putObject(logs + "stderr.gz", gzip(result.err()));
        }
        if (result.exitCode() == 0) {
            moto.setStepState(step, "COMPLETED", null);
        } else {
            // EMR's FailureDetails: "Unknown Error" when it names no known cause, the error log's text, its file.
            ObjectNode details = JSON.createObjectNode().put("Reason", "Unknown Error")
                    .put("Message", lastRandsumLine(result.err()));
            if (logs != null) {
                details.put("LogFile", logs + "stderr.gz");
            }
            moto.setStepState(step, "FAILED", details);
        }
        if (cluster.path("AutoTerminate").asBoolean()) {
            moto.emr("TerminateJobFlows", JSON.createObjectNode().set("JobFlowIds",
                    JSON.createArrayNode().add(step.clusterId())));
        }
        return new StepRun(result.exitCode(), result.out(), result.err(), logs);
    }

    /** The step's jar, from S3 into the step's directory, as EMR copies it to the primary node. */
    private Path fetch(String s3Uri, Path dir) throws Exception {
        assertTrue(s3Uri.startsWith("s3://"), s3Uri);
        String bucketAndKey = s3Uri.substring("s3://".length());
        int slash = bucketAndKey.indexOf('/');
        Path jar = dir.resolve(bucketAndKey.substring(bucketAndKey.lastIndexOf('/') + 1));
        Files.write(jar, moto.getObject(bucketAndKey.substring(0, slash), bucketAndKey.substring(slash + 1)));
        return jar;
    }

    /** The node's client configuration directory: EMR's keys, then the cluster's classifications over them. */
    private Path clientConf(JsonNode classifications, Path dir) throws IOException {
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        Map<String, String> core = files.computeIfAbsent("core-site", name -> new LinkedHashMap<>());
        core.put("fs.defaultFS", "file:///");
        core.put("hadoop.tmp.dir", dir.resolve("hadoop-tmp").toString());
        core.put("fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        core.put("fs.AbstractFileSystem.s3.impl", "org.apache.hadoop.fs.s3a.S3A");
        core.putAll(S3AOutputIT.s3aSettings(moto.endpoint()));
        files.computeIfAbsent("mapred-site", name -> new LinkedHashMap<>()).put("mapreduce.framework.name", "local");
        files.computeIfAbsent("yarn-site", name -> new LinkedHashMap<>());
        for (JsonNode classification : classifications) {
            Map<String, String> file = files.computeIfAbsent(classification.path("Classification").asText(),
                    name -> new LinkedHashMap<>());
            classification.path("Properties").fields()
                    .forEachRemaining(property -> file.put(property.getKey(), property.getValue().asText()));
        }
        Path conf = dir.resolve("conf");
        for (Map.Entry<String, Map<String, String>> file : files.entrySet()) {
            SiteFiles.writeFile(conf, file.getKey() + ".xml", file.getValue());
        }
        return conf;
    }

    /** randsum's one-line reason: its last line starting "randsum: ", else the last line. */
    static String lastRandsumLine(String err) {
        List<String> lines = err.strip().lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("randsum: ")) {
                return lines.get(i);
            }
        }
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
