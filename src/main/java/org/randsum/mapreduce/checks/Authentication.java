package org.randsum.mapreduce.checks;

import java.io.IOException;
import java.util.Optional;
import javax.security.sasl.SaslException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.SecurityUtil;
import org.apache.hadoop.security.UserGroupInformation.AuthenticationMethod;
import org.apache.hadoop.security.UserGroupInformation;
import org.ietf.jgss.GSSException;
import org.randsum.mapreduce.JobSettings;
import org.randsum.mapreduce.failure.Failures;
import org.randsum.mapreduce.failure.HadoopMessages;

/**
 * A client that cannot authenticate to a Kerberos-secured cluster, told in one line with what to do
 * (exit 1). A user with neither a Kerberos ticket nor a delegation token is refused before anything
 * runs: left to the first RPC, Hadoop's IPC client would log a warning with a stack trace first. A
 * refusal that comes later anyway (an expired ticket, tokens of another cluster) is recognised in
 * the driver's error path by {@link #failure}.
 */
public final class Authentication {
    private static final String WHAT_TO_DO = "; run kinit (or kinit -kt KEYTAB PRINCIPAL) and try again";

    private Authentication() {
    }

    /** The refusal before anything runs: its message is the whole line after {@code randsum: }. */
    static final class NotAuthenticated extends IOException {
        private static final long serialVersionUID = 1L;

        NotAuthenticated(String message) {
            super(message);
        }
    }

    /**
     * Refuses a client of a Kerberos-secured cluster that holds no credentials for it: neither a
     * Kerberos ticket (kinit, or a keytab login) nor a delegation token (as in a task or an Oozie
     * launcher). Local mode on the local filesystem needs none and is let through.
     */
    public static void requireCredentials(Configuration conf) throws IOException {
        if (SecurityUtil.getAuthenticationMethod(conf) == AuthenticationMethod.SIMPLE
                || (JobSettings.isLocalMode(conf) && "file".equals(FileSystem.getDefaultUri(conf).getScheme()))) {
            return;
        }
        UserGroupInformation user = UserGroupInformation.getCurrentUser();
        UserGroupInformation authenticating = user.getRealUser() != null ? user.getRealUser() : user;
        if (authenticating.hasKerberosCredentials() || !user.getCredentials().getAllTokens().isEmpty()) {
            return;
        }
        throw new NotAuthenticated("not authenticated to " + FileSystem.getDefaultUri(conf)
                + ": no Kerberos ticket for " + user.getShortUserName()
                + " (hadoop.security.authentication is kerberos)" + WHAT_TO_DO);
    }

    /**
     * The one line (after {@code randsum: }) for {@code e} if it is an authentication failure: the
     * server that refused, as the RPC client named it, and the innermost Kerberos or SASL reason.
     * Only the SASL refusal counts among access-control errors: "Permission denied" is not one.
     */
    public static Optional<String> failure(Throwable e) {
        String server = null;
        Throwable reason = null;
        for (Throwable cause : Failures.chain(e)) {
            if (cause instanceof NotAuthenticated) {
                return Optional.of(cause.getMessage());
            }
            if (server == null) {
                server = HadoopMessages.rpcDestination(cause.getMessage()).orElse(null);
            }
            if (cause instanceof GSSException || cause instanceof SaslException
                    || (cause instanceof AccessControlException && HadoopMessages.isNoSaslMethod(cause.getMessage()))) {
                reason = cause;
            }
        }
        if (reason == null) {
            return Optional.empty();
        }
        String why = Failures.firstLine(reason);
        return Optional.of("not authenticated to " + (server == null ? "the cluster" : server) + ": " + why + WHAT_TO_DO);
    }
}
