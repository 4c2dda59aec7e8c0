package org.randsum.mapreduce;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.security.sasl.SaslException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.SecurityUtil;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.UserGroupInformation.AuthenticationMethod;
import org.ietf.jgss.GSSException;
import org.randsum.cli.Messages;

/**
 * A client that cannot authenticate to a Kerberos-secured cluster, told in one line with what to do
 * (exit 1). A user with neither a Kerberos ticket nor a delegation token is refused before anything
 * runs: left to the first RPC, Hadoop's IPC client would log a warning with a stack trace first. A
 * refusal that comes later anyway (an expired ticket, tokens of another cluster) is recognised in
 * the driver's error path by {@link #failure}.
 */
final class Authentication {
    /** What Hadoop's IPC client says when the server offers SASL methods the user has no credentials for. */
    private static final String NO_SASL_METHOD = "Client cannot authenticate via:";
    /** How {@code NetUtils.wrapException} names the server an RPC failed to reach (two of its forms). */
    private static final Pattern DESTINATION = Pattern.compile("(?:DestHost:destPort |Call From \\S+ to )(\\S+:\\d+)");
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
    static void requireCredentials(Configuration conf) throws IOException {
        if (SecurityUtil.getAuthenticationMethod(conf) == AuthenticationMethod.SIMPLE
                || (HadoopFacts.isLocalMode(conf) && "file".equals(FileSystem.getDefaultUri(conf).getScheme()))) {
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
    static Optional<String> failure(Throwable e) {
        String server = null;
        Throwable reason = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof NotAuthenticated) {
                return Optional.of(cause.getMessage());
            }
            String message = String.valueOf(cause.getMessage());
            Matcher destination = DESTINATION.matcher(message);
            if (server == null && destination.find()) {
                server = destination.group(1);
            }
            if (cause instanceof GSSException || cause instanceof SaslException
                    || (cause instanceof AccessControlException && message.contains(NO_SASL_METHOD))) {
                reason = cause;
            }
        }
        if (reason == null) {
            return Optional.empty();
        }
        String why = reason.getMessage() == null ? reason.getClass().getSimpleName()
                : Messages.firstLine(reason.getMessage());
        return Optional.of("not authenticated to " + (server == null ? "the cluster" : server) + ": " + why + WHAT_TO_DO);
    }
}
