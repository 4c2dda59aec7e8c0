package org.randsum.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.PrivilegedExceptionAction;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.randsum.cli.ExitCode;
import org.randsum.cli.Settings;
import org.randsum.testing.DriverRun.Outcome;
import org.randsum.testing.DriverRun;
import org.randsum.testing.Processes;
import org.randsum.testing.Reference;

/**
 * randsum on a multi-user HDFS (a real NameNode and DataNode, permissions on), run as ordinary
 * users who are not HDFS's superuser: the work root is theirs and private, or the run is refused;
 * the output is checked before the job; services that do not answer are reported in one line
 * within about 30 s. Local mode (LocalJobRunner) runs the jobs, on HDFS as the default filesystem.
 */
class SharedFilesystemIT {
    private static MiniDFSCluster dfs;
    private static Configuration superuserConf;

    @BeforeAll
    static void startHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR,
                Processes.projectDir().resolve("target/minicluster/shared-fs").toString());
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
        superuserConf = new Configuration(dfs.getConfiguration(0));
        FileSystem hdfs = dfs.getFileSystem();
        // A shared scratch space, as /tmp is on any cluster: everyone may create there.
        mkdir(hdfs, "/tmp", (short) 01777, null);
        mkdir(hdfs, "/user/alice", (short) 0755, "alice");
        mkdir(hdfs, "/user/mallory", (short) 0755, "mallory");
        mkdir(hdfs, "/locked", (short) 0755, null);
    }

    @AfterAll
    static void stopHdfs() {
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    private static void mkdir(FileSystem hdfs, String dir, short permission, String owner) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir);
        hdfs.mkdirs(path);
        hdfs.setPermission(path, new FsPermission(permission));
        if (owner != null) {
            hdfs.setOwner(path, owner, "users");
        }
    }

    /** Local mode on this HDFS, LocalJobRunner's staging in the shared /tmp. */
    private static Configuration clientConf() {
        Configuration conf = new Configuration(superuserConf);
        conf.set("mapreduce.framework.name", "local");
        conf.set("mapreduce.jobtracker.staging.root.dir", "/tmp/staging");
        return conf;
    }

    private static Outcome runAs(String user, Configuration conf, String... args) throws Exception {
        return UserGroupInformation.createRemoteUser(user)
                .doAs((PrivilegedExceptionAction<Outcome>) () -> DriverRun.run(conf, args));
    }

    private static <T> T asSuperuser(PrivilegedExceptionAction<T> action) throws Exception {
        return UserGroupInformation.getLoginUser().doAs(action);
    }

    @Test
    void workRootOwnedByAnotherUserIsRefusedAndNothingIsWrittenThere() throws Exception {
        Configuration conf = clientConf();
        conf.set(Settings.WORK_ROOT, "/tmp/randsum-alice");
        // mallory gets there first, and leaves it open to all.
        FileSystem asMallory = UserGroupInformation.createRemoteUser("mallory").doAs(
                (PrivilegedExceptionAction<FileSystem>) () -> FileSystem.newInstance(conf));
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path("/tmp/randsum-alice");
        asMallory.mkdirs(root);
        asMallory.setPermission(root, new FsPermission((short) 0777));
        asMallory.close();

        Outcome outcome = runAs("alice", conf, "-n", "1000", "--seed", "1");

        assertEquals(ExitCode.USAGE, outcome.exitCode(), outcome.err());
        assertEquals(List.of("randsum: work root " + dfs.getFileSystem().makeQualified(root) + " belongs to mallory, not"
                + " alice: another user could read or replace this run's descriptors; remove it or set"
                + " randsum.work.root to a directory of your own (see randsum --help)"), outcome.errLines());
        assertEquals(0, asSuperuser(() -> dfs.getFileSystem().listStatus(root)).length, "nothing written there");
        assertEquals("mallory", dfs.getFileSystem().getFileStatus(root).getOwner());
    }

    @Test
    void defaultWorkRootIsCreatedPrivateInTheUsersHomeAndTheTotalIsExact() throws Exception {
        Outcome outcome = runAs("alice", clientConf(), "-n", "100000", "--seed", "5", "--json");

        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertEquals(Reference.total(5, 100000, 0, Integer.MAX_VALUE).toString(), outcome.sum());
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path("/user/alice/.randsum");
        var status = dfs.getFileSystem().getFileStatus(root);
        assertEquals("alice", status.getOwner());
        assertEquals(new FsPermission((short) 0700), status.getPermission());
        assertEquals(0, dfs.getFileSystem().listStatus(root).length, "the run's work directory is removed");
    }

    @Test
    void ownWorkRootOpenToOthersIsMadePrivate() throws Exception {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path("/user/alice/open-root");
        mkdir(dfs.getFileSystem(), root.toString(), (short) 0777, "alice");
        Configuration conf = clientConf();
        conf.set(Settings.WORK_ROOT, root.toString());

        Outcome outcome = runAs("alice", conf, "-n", "1000", "--seed", "2", "--json");

        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertEquals(Reference.total(2, 1000, 0, Integer.MAX_VALUE).toString(), outcome.sum());
        assertEquals(new FsPermission((short) 0700), dfs.getFileSystem().getFileStatus(root).getPermission());
    }

    @Test
    void outputInADirectoryTheUserCannotWriteIsRefusedBeforeTheJob() throws Exception {
        Outcome outcome = runAs("alice", clientConf(), "-n", "1000", "-o", "/locked/out");

        assertEquals(ExitCode.USAGE, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.errLines().size(), outcome.err());
        assertTrue(outcome.errLines().get(0).startsWith("randsum: cannot create output /locked/out: "
                + dfs.getFileSystem().makeQualified(new org.apache.hadoop.fs.Path("/locked"))
                + " is not writable by this user (Permission denied: user=alice, access=WRITE_EXECUTE"), outcome.err());
        assertFalse(dfs.getFileSystem().exists(new org.apache.hadoop.fs.Path("/locked/out")));
        assertFalse(dfs.getFileSystem().exists(new org.apache.hadoop.fs.Path("/user/alice/.randsum/x")));
    }

    @Test
    void resourceManagerThatDoesNotAnswerIsOneLineWithinThirtySeconds() throws Exception {
        Configuration conf = clientConf();
        conf.set("mapreduce.framework.name", "yarn");
        String address = "127.0.0.1:" + closedPort();
        conf.set("yarn.resourcemanager.address", address);
        assertOneLineFailureWithinThirtySeconds(conf, "randsum: cannot reach the ResourceManager at " + address + ": ");
    }

    @Test
    void nameNodeThatDoesNotAnswerIsOneLineWithinThirtySeconds() throws Exception {
        Configuration conf = clientConf();
        String nameNode = "hdfs://127.0.0.1:" + closedPort();
        conf.set("fs.defaultFS", nameNode);
        assertOneLineFailureWithinThirtySeconds(conf, "randsum: cannot reach " + nameNode + ": ");
    }

    /** A run as alice on {@code conf} fails with exit 1 and one line starting {@code line}, no trace, in < 30 s. */
    private static void assertOneLineFailureWithinThirtySeconds(Configuration conf, String line) throws Exception {
        long start = System.nanoTime();
        Outcome outcome = runAs("alice", conf, "-n", "1000");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(ExitCode.FAILURE, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.errLines().size(), outcome.err());
        assertTrue(outcome.errLines().get(0).startsWith(line), outcome.err());
        assertFalse(outcome.err().contains("\tat "), outcome.err());
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    /** A local port nothing listens on (bound, then released). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static {
        System.setProperty("test.build.data", Processes.projectDir().resolve("target/minicluster").toString());
        new File(System.getProperty("test.build.data")).mkdirs();
    }
}
