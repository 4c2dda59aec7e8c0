package org.randsum.mapreduce.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Optional;

import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.AccessControlException;
import org.junit.jupiter.api.Test;

/**
 * Each adapter against what Hadoop makes: the exceptions built as Hadoop's code builds them (the
 * history server's {@code IOException} as it crosses RPC, {@code NetUtils.wrapException} itself, the
 * SASL client's refusal), and the job client's log line as {@code Job.monitorAndPrintJob} writes it.
 * The words are the same in every supported version (3.3.6 to 3.5.0).
 */
class HadoopMessagesTest {
    /** {@code HistoryClientService.verifyAndGetJob}: {@code new IOException("Unknown Job " + jobID)}, sent over RPC. */
    private static final RemoteException UNKNOWN_JOB = new RemoteException(IOException.class.getName(),
            "Unknown Job job_1733400000000_0001");

    @Test
    void theHistoryServersUnknownJobIsRecognisedUnwrapped() {
        assertTrue(HadoopMessages.isUnknownJob(UNKNOWN_JOB.unwrapRemoteException()));
    }

    @Test
    void theHistoryServersUnknownJobIsRecognisedAsTheClientsProxyWrapsIt() {
        assertTrue(HadoopMessages.isUnknownJob(new IOException(UNKNOWN_JOB)));
    }

    @Test
    void anotherLostConnectionIsNoUnknownJob() {
        IOException refused = NetUtils.wrapException("rm.example", 8032, "edge.example", 0,
                new ConnectException("Connection refused"));
        assertFalse(HadoopMessages.isUnknownJob(refused));
    }

    @Test
    void theJobClientsFailureLineIsRecognised() {
        // Job.monitorAndPrintJob: "Job " + jobId + " failed with state " + state + " due to: " + failureInfo
        assertTrue(HadoopMessages.isJobFailedLine("Job job_local1234_0001 failed with state FAILED due to: NA"));
    }

    @Test
    void theJobClientsProgressLineIsNoFailure() {
        assertFalse(HadoopMessages.isJobFailedLine(" map 100% reduce 0%"));
        assertFalse(HadoopMessages.isJobFailedLine(null));
    }

    @Test
    void theSaslRefusalIsRecognised() {
        // SaslRpcClient.selectSaslClient: "Client cannot authenticate via:" + serverAuthMethods
        assertTrue(HadoopMessages.isNoSaslMethod(
                new AccessControlException("Client cannot authenticate via:[TOKEN, KERBEROS]").getMessage()));
    }

    @Test
    void aPermissionDeniedIsNoSaslRefusal() {
        assertFalse(HadoopMessages.isNoSaslMethod(new AccessControlException(
                "Permission denied: user=bob, access=WRITE, inode=\"/user/alice\"").getMessage()));
    }

    @Test
    void theDestinationOfAWrappedRpcFailureIsFound() {
        IOException wrapped = NetUtils.wrapException("nn.example", 8020, "edge.example", 0,
                new ConnectException("Connection refused"));
        assertEquals(Optional.of("nn.example:8020"), HadoopMessages.rpcDestination(wrapped.getMessage()));
    }

    @Test
    void aMessageWithoutDestinationHasNone() {
        assertEquals(Optional.empty(), HadoopMessages.rpcDestination("Connection refused"));
        assertEquals(Optional.empty(), HadoopMessages.rpcDestination(null));
    }
}
