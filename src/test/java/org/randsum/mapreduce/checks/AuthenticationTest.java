package org.randsum.mapreduce.checks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.PrivilegedExceptionAction;
import java.util.Optional;
import javax.security.sasl.SaslException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.ietf.jgss.GSSException;
import org.junit.jupiter.api.Test;

/**
 * How a client that cannot authenticate is told, without a cluster: the check before anything runs
 * on a Kerberos client configuration, and the error path's reading of the failures Hadoop's RPC
 * client raises (built with Hadoop's own {@code NetUtils.wrapException}, as the client wraps them).
 * SecureClusterIT shows both against a real Kerberos-secured cluster.
 */
class AuthenticationTest {
    private static final String WHAT_TO_DO = "; run kinit (or kinit -kt KEYTAB PRINCIPAL) and try again";

    private static Configuration kerberosClient(String framework, String defaultFs) {
        Configuration conf = new Configuration(false);
        conf.set("hadoop.security.authentication", "kerberos");
        conf.set("mapreduce.framework.name", framework);
        conf.set("fs.defaultFS", defaultFs);
        return conf;
    }

    /** This test JVM's user: SIMPLE authentication, no Kerberos ticket, no tokens. */
    private static UserGroupInformation userWithoutCredentials() throws IOException {
        UserGroupInformation user = UserGroupInformation.getCurrentUser();
        assertTrue(!user.hasKerberosCredentials() && user.getCredentials().getAllTokens().isEmpty(), user.toString());
        return user;
    }

    @Test
    void aUserWithoutTicketOrTokenIsRefusedByAKerberosClientConfiguration() throws IOException {
        String name = userWithoutCredentials().getShortUserName();
        IOException refused = assertThrows(Authentication.NotAuthenticated.class,
                () -> Authentication.requireCredentials(kerberosClient("yarn", "hdfs://nn.example:8020")));
        assertEquals("not authenticated to hdfs://nn.example:8020: no Kerberos ticket for " + name
                + " (hadoop.security.authentication is kerberos)" + WHAT_TO_DO, refused.getMessage());
        assertEquals(Optional.of(refused.getMessage()), Authentication.failure(refused), "the driver prints it as is");
    }

    @Test
    void simpleAuthenticationAndLocalModeOnTheLocalDiskNeedNoCredentials() throws IOException {
        userWithoutCredentials();
        Configuration simple = kerberosClient("yarn", "hdfs://nn.example:8020");
        simple.set("hadoop.security.authentication", "simple");
        assertDoesNotThrow(() -> Authentication.requireCredentials(simple));
        assertDoesNotThrow(() -> Authentication.requireCredentials(kerberosClient("local", "file:///")));
        assertThrows(Authentication.NotAuthenticated.class,
                () -> Authentication.requireCredentials(kerberosClient("local", "hdfs://nn.example:8020")),
                "local mode on HDFS still needs a ticket");
    }

    @Test
    void aUserWithATokenIsLetThroughAsATaskOrALauncherWouldBe() throws Exception {
        UserGroupInformation withToken = UserGroupInformation.createRemoteUser("launcher");
        withToken.addToken(new Token<TokenIdentifier>(new byte[0], new byte[0], new Text("HDFS_DELEGATION_TOKEN"),
                new Text("nn.example:8020")));
        withToken.doAs((PrivilegedExceptionAction<Void>) () -> {
            Authentication.requireCredentials(kerberosClient("yarn", "hdfs://nn.example:8020"));
            return null;
        });
    }

    /** As Hadoop's IPC client raises it: the SASL refusal, in an IOException, wrapped with the server's address. */
    @Test
    void saslRefusalAtTheFirstRpcNamesTheServerAndTheReason() {
        IOException wrapped = NetUtils.wrapException("nn.example", 8020, "edge.example", 0,
                new IOException(new AccessControlException("Client cannot authenticate via:[TOKEN, KERBEROS]")));
        assertEquals(Optional.of("not authenticated to nn.example:8020: Client cannot authenticate via:[TOKEN, KERBEROS]"
                + WHAT_TO_DO), Authentication.failure(new IOException("submitting the job", wrapped)));
        IOException direct = NetUtils.wrapException("rm.example", 8032, "edge.example", 0,
                new AccessControlException("Client cannot authenticate via:[TOKEN, KERBEROS]"));
        assertTrue(Authentication.failure(direct).orElseThrow().startsWith("not authenticated to rm.example:8032: Client"),
                direct.getMessage());
    }

    @Test
    void kerberosFailureGivesItsInnermostReason() {
        SaslException gss = new SaslException("GSS initiate failed",
                new GSSException(GSSException.NO_CRED, -1, "Failed to find any Kerberos tgt"));
        IOException wrapped = NetUtils.wrapException("rm.example", 8032, "edge.example", 0, gss);
        String line = Authentication.failure(wrapped).orElseThrow();
        assertTrue(line.startsWith("not authenticated to rm.example:8032: No valid credentials provided"), line);
        assertTrue(line.contains("Failed to find any Kerberos tgt"), line);
        assertTrue(line.endsWith(WHAT_TO_DO), line);
    }

    @Test
    void permissionDeniedAndOtherFailuresAreNotAuthenticationFailures() {
        assertEquals(Optional.empty(), Authentication.failure(new AccessControlException(
                "Permission denied: user=alice, access=WRITE, inode=\"/\":hdfs:supergroup:drwxr-xr-x")));
        assertEquals(Optional.empty(), Authentication.failure(NetUtils.wrapException("nn.example", 8020,
                "edge.example", 0, new java.net.ConnectException("Connection refused"))));
    }
}
