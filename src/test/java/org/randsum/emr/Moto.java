package org.randsum.emr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.randsum.testing.Processes;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * moto and its control endpoint ({@code src/test/resources/emr/moto_emr.py}) in one Python process
 * on loopback ports it picks itself, so no port can be taken between choosing and binding it.
 */
final class Moto {
    static final String REGION = "us-east-1";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Pattern READY = Pattern.compile("READY moto=(\\d+) control=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Processes.Running process;
    private final String endpoint;
    private final String control;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A step as the control endpoint reports it. */
    record StepRef(String clusterId, String stepId, String state) {
    }

    private Moto(Processes.Running process, String endpoint, String control) {
        this.process = process;
        this.endpoint = endpoint;
        this.control = control;
    }

    static Moto start(Path work) throws IOException, InterruptedException, URISyntaxException {
        Path launcher = Path.of(Moto.class.getResource("/emr/moto_emr.py").toURI());
        String python = System.getenv().getOrDefault("RANDSUM_IT_PYTHON", "python3");
        ProcessBuilder builder = new ProcessBuilder(python, launcher.toString());
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_"));
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        builder.environment().put("AWS_DEFAULT_REGION", REGION);
        // stdin stays open: the launcher exits when it closes.
        Processes.Running process = Processes.start(builder, work.resolve("moto.out"), work.resolve("moto.log"));
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            Matcher ready = READY.matcher(process.out());
            if (ready.find()) {
                Moto moto = new Moto(process, "http://127.0.0.1:" + ready.group(1),
                        "http://127.0.0.1:" + ready.group(2));
                moto.steps(); // answers
                return moto;
            }
            if (!process.isAlive()) {
                fail(python + " " + launcher + " exited " + process.exitValue() + " (is moto installed?): "
                        + process.err());
            }
            Thread.sleep(100);
        }
        process.kill();
        return fail("moto did not start within " + START_LIMIT + ": " + process.err());
    }

    String endpoint() {
        return endpoint;
    }

    void reset() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    // S3, path-style REST

    void createBucket(String bucket) throws IOException, InterruptedException {
        send(s3(bucket).PUT(HttpRequest.BodyPublishers.noBody()), 200);
    }

    void putObject(String s3Uri, byte[] bytes) throws IOException, InterruptedException {
        assertTrue(s3Uri.startsWith("s3://"), s3Uri);
        send(s3(s3Uri.substring("s3://".length())).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)), 200);
    }

    byte[] getObject(String bucket, String key) throws IOException, InterruptedException {
        return send(s3(bucket + "/" + key).GET(), 200);
    }

    List<String> listKeys(String bucket, String prefix) throws Exception {
        return elementTexts(send(s3(bucket + "?list-type=2&prefix=" + prefix).GET(), 200), "Key");
    }

    /** The keys of the multipart uploads begun and neither completed nor aborted: objects in the making. */
    List<String> pendingUploads(String bucket) throws Exception {
        return elementTexts(send(s3(bucket + "?uploads").GET(), 200), "Key");
    }

    private static List<String> elementTexts(byte[] xml, String tag) throws Exception {
        NodeList elements = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml)).getElementsByTagName(tag);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            result.add(elements.item(i).getTextContent());
        }
        return result;
    }

    private HttpRequest.Builder s3(String path) {
        return signed(HttpRequest.newBuilder(URI.create(endpoint + "/" + path)), "s3");
    }

    // EMR, JSON 1.1

    JsonNode emr(String operation, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = signed(HttpRequest.newBuilder(URI.create(endpoint + "/")), "elasticmapreduce")
                .header("X-Amz-Target", "ElasticMapReduce." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return JSON.readTree(send(request, 200));
    }

    JsonNode describeCluster(String clusterId) throws IOException, InterruptedException {
        return emr("DescribeCluster", JSON.createObjectNode().put("ClusterId", clusterId)).get("Cluster");
    }

    List<String> stepArgs(StepRef step) throws IOException, InterruptedException {
        JsonNode described = emr("DescribeStep",
                JSON.createObjectNode().put("ClusterId", step.clusterId()).put("StepId", step.stepId()));
        return texts(described.path("Step").path("Config").path("Args"), null);
    }

    /** A cluster that stays up between steps, as someone's existing cluster would. */
    String createLongRunningCluster(String logUri) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode()
                .put("Name", "long-running")
                .put("ReleaseLabel", "emr-7.14.0")
                .put("LogUri", logUri)
                .put("JobFlowRole", "EMR_EC2_DefaultRole")
                .put("ServiceRole", "EMR_DefaultRole");
        request.putArray("Applications").addObject().put("Name", "Hadoop");
        request.putObject("Instances")
                .put("MasterInstanceType", "m5.xlarge")
                .put("SlaveInstanceType", "m5.xlarge")
                .put("InstanceCount", 3)
                .put("KeepJobFlowAliveWhenNoSteps", true);
        return emr("RunJobFlow", request).path("JobFlowId").asText();
    }

    /** moto reads only the credential scope of a SigV4 header, to route the request. */
    private static HttpRequest.Builder signed(HttpRequest.Builder request, String service) {
        return request.timeout(Duration.ofSeconds(30)).header("Authorization",
                "AWS4-HMAC-SHA256 Credential=testing/20250101/" + REGION + "/" + service
                        + "/aws4_request, SignedHeaders=host, Signature=0");
    }

    // The control endpoint

    List<StepRef> steps() throws IOException, InterruptedException {
        JsonNode steps = JSON.readTree(send(HttpRequest.newBuilder(URI.create(control + "/steps"))
                .timeout(Duration.ofSeconds(30)).GET(), 200));
        List<StepRef> result = new ArrayList<>();
        steps.forEach(step -> result.add(new StepRef(step.path("clusterId").asText(), step.path("stepId").asText(),
                step.path("state").asText())));
        return result;
    }

    void setStepState(StepRef step, String state, JsonNode failureDetails) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode()
                .put("clusterId", step.clusterId()).put("stepId", step.stepId()).put("state", state);
        if (failureDetails != null) {
            body.set("failureDetails", failureDetails);
        }
        send(HttpRequest.newBuilder(URI.create(control + "/step-state")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), 200);
    }

    private byte[] send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(expectedStatus, response.statusCode(), () -> response.request().method() + " "
                + response.uri() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    void stop() throws IOException, InterruptedException {
        process.process().getOutputStream().close();
        process.process().destroy();
        if (!process.process().waitFor(10, TimeUnit.SECONDS)) {
            process.kill();
        }
    }

    /** The text of each element (or of its {@code field}) of a JSON array. */
    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(field == null ? element.asText() : element.path(field).asText()));
        return texts;
    }
}
