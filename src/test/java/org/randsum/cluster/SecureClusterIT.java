package org.randsum.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.server.namenode.AuditLogger;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.minikdc.MiniKdc;
import org.apache.hadoop.security.SecurityUtil;
import org.apache.hadoop.security.UserGroupInformation.AuthenticationMethod;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.ssl.KeyStoreTestUtil;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.apache.hadoop.util.NativeCodeLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.randsum.cli.ExitCode;
import org.randsum.cli.Settings;
import org.randsum.mapreduce.task.RandSumMapper;
import org.randsum.testing.DriverRun.Outcome;
import org.randsum.testing.DriverRun;
import org.randsum.testing.Processes;
import org.randsum.testing.Reference;
import org.randsum.testing.SiteFiles;

/**
 * randsum on a Kerberos-secured HDFS and YARN: Hadoop's MiniKdc, and a MiniDFSCluster and
 * MiniMRYarnCluster (with the history server) configured as Hadoop's own secure HDFS tests do
 * ({@code SaslDataTransferTestCase.createSecureConfig}: Kerberos, block access tokens, SASL on data
 * transfer, HTTPS only). A client logged in from a keytab runs the job through the normal driver;
 * a client without a ticket is refused in one line.
 *
 * <p>Runs in a JVM of its own (the failsafe execution {@code secure-cluster}): the login user and
 * the krb5 settings are JVM-wide. In one JVM there is one login user, so every service shares one
 * principal, {@code hadoop/localhost} (plus {@code HTTP/localhost} for SPNEGO); the NameNode,
 * DataNode and history server log in from its keytab, and MiniYARNCluster's ResourceManager and
 * NodeManager, which do not log in, serve under it. Task containers run as this OS user
 * (DefaultContainerExecutor), so the client's principal maps to it ({@code auth_to_local}): with
 * security on, the shuffle checks that map outputs belong to the job's user. It does so through
 * Hadoop's native library (SecureIOUtils), which the POM unpacks into target/native.
 */
class SecureClusterIT {
    /** Set by the secure-cluster execution: a class-path directory for the files the cluster reads as resources. */
    private static final String CLASSPATH_PROPERTY = "randsum.secure.classpath";
    private static final String CLIENT = "client";
    private static final String OS_USER = System.getProperty("user.name");
    private static final String HOME = "/user/" + OS_USER;
    private static final String WORK_ROOT = HOME + "/randsum-work";

    /** What the NameNode was asked, by whom: {@code user (auth:METHOD)}, command, path. */
    private static final List<String[]> AUDIT = new CopyOnWriteArrayList<>();

    private static MiniKdc kdc;
    private static MiniDFSCluster dfs;
    private static MiniMRYarnCluster yarn;
    private static Path base;
    private static Path clientConfDir;
    private static Configuration clientConf;
    private static String clientPrincipal;
    private static File clientKeytab;

    /** Records the NameNode's audit events, for who did what with which credentials. */
    public static final class AuditRecorder implements AuditLogger {
        @Override
        public void initialize(Configuration conf) {
        }

        @Override
        public void logAuditEvent(boolean succeeded, String userName, InetAddress addr, String cmd, String src,
                String dst, FileStatus stat) {
            if (succeeded) {
                AUDIT.add(new String[] {userName, cmd, String.valueOf(src)});
            }
        }
    }

    @BeforeAll
    static void startSecureCluster() throws Exception {
        String classpathDir = System.getProperty(CLASSPATH_PROPERTY);
        assumeTrue(classpathDir != null, "runs only in the secure-cluster failsafe execution, in a JVM of its own");
        requireNativeHadoop();

        base = Processes.projectDir().resolve("target/secure-cluster");
        FileUtil.fullyDelete(base.toFile());
        Files.createDirectories(base);
        kdc = new MiniKdc(MiniKdc.createConf(), base.resolve("kdc").toFile());
        kdc.start();
        String realm = kdc.getRealm();
        File serviceKeytab = base.resolve("hadoop.keytab").toFile();
        kdc.createPrincipal(serviceKeytab, "hadoop/localhost", "HTTP/localhost");
        clientKeytab = base.resolve("client.keytab").toFile();
        kdc.createPrincipal(clientKeytab, CLIENT);
        clientPrincipal = CLIENT + "@" + realm;
        String service = "hadoop/localhost@" + realm;

        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
        conf.set("hadoop.tmp.dir", base.resolve("tmp").toString());
        SecurityUtil.setAuthenticationMethod(AuthenticationMethod.KERBEROS, conf);
        // The client's principal is this OS user's, as the container executor runs tasks as it.
        conf.set("hadoop.security.auth_to_local",
                "RULE:[1:$1@$0](" + CLIENT + "@" + realm.replace(".", "\\.") + ")s/.*/" + OS_USER + "/\nDEFAULT");
        Map.of("dfs.namenode.kerberos.principal", "dfs.namenode.keytab.file",
                "dfs.datanode.kerberos.principal", "dfs.datanode.keytab.file",
                "yarn.resourcemanager.principal", "yarn.resourcemanager.keytab",
                "yarn.nodemanager.principal", "yarn.nodemanager.keytab",
                "mapreduce.jobhistory.principal", "mapreduce.jobhistory.keytab").forEach((principal, keytab) -> {
                    conf.set(principal, service);
                    conf.set(keytab, serviceKeytab.getPath());
                });
        conf.set("dfs.web.authentication.kerberos.principal", "HTTP/localhost@" + realm);
        conf.setBoolean("dfs.block.access.token.enable", true);
        conf.set("dfs.data.transfer.protection", "authentication");
        conf.set("dfs.http.policy", "HTTPS_ONLY");
        conf.set("dfs.namenode.https-address", "localhost:0");
        conf.set("dfs.datanode.https.address", "localhost:0");
        conf.set("dfs.namenode.audit.loggers", AuditRecorder.class.getName());
        KeyStoreTestUtil.setupSSLConfig(base.toString(), classpathDir, conf, false);
        conf.set("dfs.client.https.keystore.resource", KeyStoreTestUtil.getClientSSLConfigFileName());
        conf.set("dfs.https.server.keystore.resource", KeyStoreTestUtil.getServerSSLConfigFileName());
        // The NodeManager's localizer reads HDFS with a fresh Configuration: it finds SASL in this one.
        assertNotNull(SecureClusterIT.class.getClassLoader().getResource(SiteFiles.HDFS),
                "src/test/secure-classpath/hdfs-site.xml is not on the class path");
        // Task containers load the native library as a real installation's do, from LD_LIBRARY_PATH,
        // and find the realm in the KDC's krb5.conf (a real node's /etc/krb5.conf).
        String nativeDir = "LD_LIBRARY_PATH=" + System.getProperty("java.library.path");
        conf.set("mapreduce.admin.user.env", nativeDir);
        conf.set("yarn.app.mapreduce.am.admin.user.env", nativeDir);
        String krb5 = "-Djava.security.krb5.conf=" + kdc.getKrb5conf();
        conf.set("yarn.app.mapreduce.am.admin-command-opts", krb5);
        for (String task : new String[] {"map", "reduce"}) {
            conf.set("mapreduce.admin." + task + ".child.java.opts",
                    "-Djava.net.preferIPv4Stack=true -Dhadoop.metrics.log.level=WARN " + krb5);
        }
        UserGroupInformation.setConfiguration(conf);

        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
        conf.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
        // As an administrator makes a user's home: owned by the user, who then owns what it holds.
        FileSystem admin = dfs.getFileSystem();
        admin.mkdirs(new org.apache.hadoop.fs.Path(HOME), new FsPermission((short) 0755));
        admin.setOwner(new org.apache.hadoop.fs.Path(HOME), OS_USER, OS_USER);
        yarn = new MiniMRYarnCluster("randsum-secure", 1);
        yarn.init(conf);
        yarn.start();
        clientConfDir = SiteFiles.writeMiniclusterClient(yarn.getConfig(), Map.of(Settings.WORK_ROOT, WORK_ROOT),
                base.resolve("client-conf"));
        clientConf = SiteFiles.load(clientConfDir);
    }

    /**
     * Hadoop's native library must have loaded (from the java.library.path the POM sets). On Linux
     * x86-64, as here and on CI, its absence is a failure; elsewhere the test is skipped.
     */
    private static void requireNativeHadoop() {
        if (NativeCodeLoader.isNativeCodeLoaded()) {
            return;
        }
        String platform = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        assertFalse(platform.equals("Linux/amd64"), "libhadoop.so did not load from java.library.path "
                + System.getProperty("java.library.path") + ": run through Maven (mvn verify), which unpacks it");
        assumeTrue(false, "no native Hadoop library for " + platform
                + " (a secure cluster's shuffle needs it: SecureIOUtils); skipped");
    }

    @AfterAll
    static void stopSecureCluster() throws Exception {
        for (AutoCloseable service : new AutoCloseable[] {yarn, dfs}) {
            if (service != null) {
                service.close();
            }
        }
        if (kdc != null) {
            kdc.stop();
        }
    }

    private static <T> T as(UserGroupInformation user, PrivilegedExceptionAction<T> action) throws Exception {
        return user.doAs(action);
    }

    private static void assertAudited(String user, String cmd, String pathPart, String what) {
        assertTrue(AUDIT.stream().anyMatch(e -> e[0].equals(user) && e[1].equals(cmd) && e[2].contains(pathPart)),
                what + ": no " + cmd + " of ..." + pathPart + " by " + user + " among the NameNode's audit events "
                        + AUDIT.stream().map(e -> String.join(" ", e)).toList());
    }

    /** A client logged in from its keytab (no ticket cache, no tokens yet), as a scheduled job logs in. */
    private static UserGroupInformation keytabClient() throws IOException {
        UserGroupInformation client = UserGroupInformation.loginUserFromKeytabAndReturnUGI(clientPrincipal,
                clientKeytab.getPath());
        assertTrue(client.hasKerberosCredentials() && client.getCredentials().getAllTokens().isEmpty(),
                "a Kerberos ticket, no tokens yet");
        return client;
    }

    /**
     * Maps and the reducer in containers of their own (uber mode off): the reducer fetches the map
     * outputs from the NodeManager's shuffle, which with security on serves them through SecureIOUtils.
     */
    @Test
    void keytabClientRunsTheJobOnDelegationTokensAndGetsTheExactTotal() throws Exception {
        String output = HOME + "/total";
        long seed = -20_261_202L;
        long n = 400_000;
        Outcome outcome = as(keytabClient(), () -> DriverRun.run(clientConf, RandSumMapper.class, true,
                "-D", "mapreduce.job.ubertask.enable=false", "-n", Long.toString(n), "--seed", Long.toString(seed),
                "--min", "-1000", "--max", "1000000", "-m", "2", "-t", "1", "-o", output, "--json"));
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertFalse(outcome.err().contains("uber mode"), outcome.err());
        BigInteger expected = Reference.total(seed, n, -1000, 1_000_000);
        assertEquals(expected.toString(), outcome.sum());

        // The tasks had no ticket: they acted as the client on the delegation token the submission fetched.
        String kerberosClient = clientPrincipal + " (auth:KERBEROS)";
        String onToken = clientPrincipal + " (auth:TOKEN)";
        assertAudited(kerberosClient, "getDelegationToken", "", "the client fetched an HDFS delegation token");
        assertAudited(kerberosClient, "create", WORK_ROOT + "/randsum-", "the descriptors went to HDFS");
        assertAudited(onToken, "open", "/job.split", "a map read its split on the token");
        assertAudited(onToken, "create", output + "/_temporary/", "the reducer wrote the total on the token");

        FileSystem fs = dfs.getFileSystem();
        String total = new String(fs.open(new org.apache.hadoop.fs.Path(output, "part-r-00000")).readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(n + "\t" + expected + "\n", total, "the committed total, read back");
        assertEquals(OS_USER, fs.getFileStatus(new org.apache.hadoop.fs.Path(output)).getOwner());
        assertEquals(0, fs.listStatus(new org.apache.hadoop.fs.Path(WORK_ROOT)).length, "work directory removed");
    }

    /** A small job as randsum runs it by default on YARN: uber mode, all tasks in the application master. */
    @Test
    void smallJobInUberModeIsExactOnTheSecureClusterToo() throws Exception {
        Outcome outcome = as(keytabClient(), () -> DriverRun.run(clientConf, RandSumMapper.class, true,
                "-n", "1000000", "--seed", "42", "--json"));
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("(uber mode"), outcome.err());
        assertEquals("1074171186439830", outcome.sum(), "the contract's reference total");
    }

    @Test
    void clientWithoutATicketGetsOneLineAndExitOneAndNothingIsWritten() throws Exception {
        UserGroupInformation noTicket = UserGroupInformation.createRemoteUser(OS_USER);
        String workRoot = HOME + "/unauthenticated-work";
        String output = HOME + "/unauthenticated-total";
        Configuration conf = new Configuration(clientConf);
        conf.set(Settings.WORK_ROOT, workRoot);
        for (String[] args : new String[][] {{"-n", "1000", "--seed", "1", "-o", output}, {"-n", "1000"},
                {"generate", "-n", "1000", "-o", output}}) {
            Outcome outcome = as(noTicket, () -> DriverRun.run(conf, RandSumMapper.class, true, args));
            assertNotAuthenticated(outcome.exitCode(), outcome.err(), "no Kerberos ticket for " + OS_USER);
        }
        assertNothingWritten(workRoot, output);
    }

    /**
     * Past the check before the run (the user holds a token, of another service), the refusal comes
     * at the first RPC; the error path names it in the same one line.
     */
    @Test
    void refusalAtTheFirstRpcIsOneLineToo() throws Exception {
        UserGroupInformation foreignToken = UserGroupInformation.createRemoteUser(OS_USER);
        foreignToken.addToken(new Token<TokenIdentifier>(new byte[0], new byte[0], new Text("OTHER_TOKEN"),
                new Text("elsewhere:1")));
        String workRoot = HOME + "/foreign-token-work";
        String output = HOME + "/foreign-token-total";
        Configuration conf = new Configuration(clientConf);
        conf.set(Settings.WORK_ROOT, workRoot);
        Outcome outcome = as(foreignToken, () -> DriverRun.run(conf, RandSumMapper.class, true, "-n", "1000", "-o", output));
        assertNotAuthenticated(outcome.exitCode(), outcome.err(),
                "to localhost:" + dfs.getNameNodePort() + ": Client cannot authenticate via:[TOKEN, KERBEROS]");
        assertNothingWritten(workRoot, output);
    }

    /** {@code hadoop jar} without kinit, in a JVM of its own: what a user sees on stderr is the one line. */
    @Test
    void hadoopJarWithoutKinitPrintsOneLine() throws Exception {
        String workRoot = HOME + "/no-kinit-work";
        String output = HOME + "/no-kinit-total";
        List<String> command = Processes.runJarCommand(clientConfDir, Processes.hadoopClasspath(),
                List.of("-D", Settings.WORK_ROOT + "=" + workRoot, "-n", "1000", "-o", output));
        command.add(1, "-Djava.security.krb5.conf=" + kdc.getKrb5conf());
        Processes.Result result = Processes.run(command,
                Map.of("KRB5CCNAME", "FILE:" + base.resolve("no-such-ticket-cache")), 120);
        assertNotAuthenticated(result.exitCode(), result.err(), "no Kerberos ticket for " + OS_USER);
        assertNothingWritten(workRoot, output);
    }

    private static void assertNotAuthenticated(int exitCode, String err, String reason) {
        assertEquals(ExitCode.FAILURE, exitCode, err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), "one line: " + err);
        String line = lines.get(0);
        assertTrue(line.startsWith("randsum: not authenticated to "), line);
        assertTrue(line.contains(reason), line);
        assertTrue(line.endsWith("run kinit (or kinit -kt KEYTAB PRINCIPAL) and try again"), line);
    }

    private static void assertNothingWritten(String... paths) throws IOException {
        FileSystem fs = dfs.getFileSystem();
        for (String path : paths) {
            assertFalse(fs.exists(new org.apache.hadoop.fs.Path(path)), path + " was created");
        }
    }
}
