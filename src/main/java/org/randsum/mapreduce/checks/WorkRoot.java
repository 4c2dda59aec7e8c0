package org.randsum.mapreduce.checks;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.randsum.cli.Messages;
import org.randsum.cli.Settings;
import org.randsum.cli.UsageException;

/**
 * The root of randsum's work directories, kept as Hadoop keeps its staging directory
 * ({@code JobSubmissionFiles.getStagingDir}): it must belong to the submitting user (the UGI's
 * short name, or the login user's), and its permission is forced to 0700. Whoever owned a shared
 * root first could otherwise swap another user's descriptors between generation and submission.
 * The default is {@code .randsum} in the user's home directory on the default filesystem
 * ({@code /user/<name>/.randsum} on HDFS, {@code ~/.randsum} locally), as Spark keeps its
 * {@code .sparkStaging} there.
 */
public final class WorkRoot {
    public static final FsPermission PRIVATE = new FsPermission((short) 0700);

    private WorkRoot() {
    }

    /** {@code randsum.work.root}, or {@code <home>/.randsum} on the default filesystem; qualified. */
    public static Path of(Configuration conf) throws IOException, UsageException {
        String configured = conf.getTrimmed(Settings.WORK_ROOT, "");
        if (!configured.isEmpty()) {
            Path root;
            try {
                root = new Path(configured);
            } catch (IllegalArgumentException e) {
                throw new UsageException(Settings.WORK_ROOT + " is not a valid path: '" + configured + "'");
            }
            FileSystem fs = root.getFileSystem(conf);
            Path qualified = fs.makeQualified(root);
            if (qualified.equals(fs.makeQualified(fs.getHomeDirectory()))) {
                // prepare() would make the whole home directory private (0700).
                throw new UsageException(Settings.WORK_ROOT + "=" + configured + " is your home directory, which"
                        + " randsum would make private (0700); name a directory of its own, such as "
                        + new Path(qualified, Settings.WORK_ROOT_DEFAULT_NAME));
            }
            return qualified;
        }
        FileSystem fs = FileSystem.get(conf);
        return fs.makeQualified(new Path(fs.getHomeDirectory(), Settings.WORK_ROOT_DEFAULT_NAME));
    }

    /**
     * Makes {@code root} ready for this user's work directories: created 0700 if missing; if there,
     * a directory owned by the user, with its permission set to 0700 where it was wider. Anything
     * else is refused in one line, before anything is written.
     */
    public static void prepare(Configuration conf, Path root) throws IOException, UsageException {
        FileSystem fs = root.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(root);
        } catch (FileNotFoundException missing) {
            status = create(fs, root);
        }
        if (!status.isDirectory()) {
            throw new UsageException("work root " + root + " is not a directory (" + Settings.WORK_ROOT + ")");
        }
        UserGroupInformation current = UserGroupInformation.getCurrentUser();
        String login = UserGroupInformation.getLoginUser().getShortUserName();
        String owner = status.getOwner();
        if (!owner.equals(current.getShortUserName()) && !owner.equals(current.getUserName()) && !owner.equals(login)) {
            throw new UsageException("work root " + root + " belongs to " + owner + ", not " + current.getShortUserName()
                    + ": another user could read or replace this run's descriptors; remove it or set "
                    + Settings.WORK_ROOT + " to a directory of your own");
        }
        if (!status.getPermission().equals(PRIVATE)) {
            setPrivate(fs, root);
        }
    }

    /**
     * A new directory only its owner can enter, made so whatever the umask (mkdirs masks the
     * permission it is given; the explicit set makes it exact).
     */
    public static void makePrivateDirectory(FileSystem fs, Path dir) throws IOException, UsageException {
        if (!fs.mkdirs(dir, PRIVATE)) {
            throw new UsageException(cannotCreate(dir, "the filesystem refused"));
        }
        setPrivate(fs, dir);
    }

    private static FileStatus create(FileSystem fs, Path root) throws IOException, UsageException {
        try {
            Path parent = root.getParent();
            // The parents get the filesystem's usual permission: a missing /user must not become private.
            if (parent != null && !fs.exists(parent)) {
                fs.mkdirs(parent);
            }
            makePrivateDirectory(fs, root);
            return fs.getFileStatus(root);
        } catch (AccessControlException | AccessDeniedException | ParentNotDirectoryException
                | FileAlreadyExistsException e) {
            throw new UsageException(cannotCreate(root, Messages.firstLine(String.valueOf(e.getMessage()))));
        }
    }

    private static String cannotCreate(Path dir, String why) {
        return "cannot create work directory " + dir + ": " + why + "; set " + Settings.WORK_ROOT
                + " to a directory you can write";
    }

    private static void setPrivate(FileSystem fs, Path dir) throws IOException {
        fs.setPermission(dir, PRIVATE);
    }
}
