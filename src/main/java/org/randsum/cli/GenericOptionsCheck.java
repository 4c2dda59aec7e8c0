package org.randsum.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Hadoop's generic options checked as randsum's own are: before anything runs, each mistake one
 * {@link UsageException} naming the option and the file or value. Hadoop's {@code
 * GenericOptionsParser} (which {@code ToolRunner} runs before the driver) ignores a {@code -conf}
 * file that does not exist, and answers a malformed one, a missing {@code -libjars} jar or an empty
 * value with a stack trace; these checks come first, in the same order of arguments it reads.
 *
 * <p>{@link #syntax} needs nothing but the arguments (so {@link CheckOptions} can run it on a laptop
 * for a step that runs on a cluster, whose files it cannot see); {@link #localFiles} also reads the
 * local files the options name, as Hadoop will on this machine: {@code -conf} (always read from the
 * local disk), and the entries of {@code -files}, {@code -libjars}, {@code -archives} without a
 * scheme or with {@code file:}, and {@code -tokenCacheFile}. Entries on other filesystems
 * ({@code hdfs://}, {@code s3a://}) are Hadoop's to check.
 */
public final class GenericOptionsCheck {
    /** Options Hadoop reads once (the first value wins silently): giving one twice is a mistake. */
    private static final Set<String> ONCE = Set.of("-fs", "-jt", "-files", "-libjars", "-archives", "-tokenCacheFile");
    /** The first bytes of a Hadoop token storage file ({@code Credentials.TOKEN_STORAGE_MAGIC}). */
    private static final byte[] TOKEN_MAGIC = {'H', 'D', 'T', 'S'};

    private GenericOptionsCheck() {
    }

    /** Both checks: the values' syntax, then the local files they name. */
    public static void check(String[] args, Path workingDirectory) throws UsageException {
        syntax(args);
        localFiles(args, workingDirectory);
    }

    /** The generic options among the leading arguments, as Hadoop's parser reads them. */
    static List<GenericOptions.Given> given(String[] args) {
        return GenericOptions.leading(args).options();
    }

    /** Each value's form: present, not empty, {@code key=value}, a URI, a host and port; nothing read. */
    public static void syntax(String[] args) throws UsageException {
        Set<String> seen = new HashSet<>();
        for (GenericOptions.Given option : given(args)) {
            String name = option.name();
            String value = option.value();
            if (ONCE.contains(name) && !seen.add(name)) {
                throw new UsageException(name + " is given more than once (Hadoop would use the first and ignore the"
                        + " rest" + (name.equals("-fs") || name.equals("-jt") ? ")" : "; give one comma-separated list)"));
            }
            if (value == null || (!name.equals("-D") && value.isBlank())) {
                throw new UsageException(name + " needs " + valueName(name) + (value == null ? "" : ", not '" + value + "'"));
            }
            switch (name) {
                case "-D" -> definition(value);
                case "-fs" -> filesystem(value);
                case "-jt" -> resourceManager(value);
                case "-files", "-libjars", "-archives" -> list(name, value);
                case "-conf" -> confPath(value);
                default -> {
                    // -tokenCacheFile: any non-empty name; localFiles reads it.
                }
            }
        }
    }

    /** The local files the options name exist and are what Hadoop expects; run after {@link #syntax}. */
    public static void localFiles(String[] args, Path workingDirectory) throws UsageException {
        for (GenericOptions.Given option : given(args)) {
            String value = option.value();
            switch (option.name()) {
                case "-conf" -> confFile(value, workingDirectory.resolve(confPath(value)));
                case "-files", "-archives", "-libjars" -> {
                    for (String entry : value.split(",")) {
                        localEntry(option.name(), entry, workingDirectory);
                    }
                }
                case "-tokenCacheFile" -> tokenFile(value, workingDirectory.resolve(value));
                default -> {
                    // -D, -fs, -jt name no file.
                }
            }
        }
    }

    private static String valueName(String name) {
        return switch (name) {
            case "-D" -> "key=value";
            case "-conf", "-tokenCacheFile" -> "a file name";
            case "-fs" -> "a filesystem URI (local, file:///, hdfs://namenode:8020, ...)";
            case "-jt" -> "local or the ResourceManager's host:port";
            default -> "a comma-separated list of files";
        };
    }

    /** As Hadoop splits it (at the first '='); a definition without '=' or with no key sets nothing there. */
    private static void definition(String value) throws UsageException {
        int equals = value.indexOf('=');
        if (equals < 0) {
            throw new UsageException("-D needs key=value, not '" + value + "' (Hadoop would ignore it)");
        }
        if (value.substring(0, equals).isBlank()) {
            throw new UsageException("-D " + value + " has no key (it needs key=value)");
        }
    }

    /**
     * As {@code FileSystem.setDefaultUri} takes it: {@code local}, a name without '/' (Hadoop reads
     * {@code nn:8020} as {@code hdfs://nn:8020}), or a URI that has a scheme.
     */
    private static void filesystem(String value) throws UsageException {
        if (value.equals("local")) {
            return;
        }
        String uri = value.indexOf('/') < 0 ? "hdfs://" + value : value;
        String problem;
        try {
            URI parsed = new URI(uri);
            problem = parsed.getScheme() == null ? "it has no scheme"
                    : parsed.getAuthority() == null && !parsed.getScheme().equals("file") ? "it names no host"
                    : null;
        } catch (URISyntaxException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            throw new UsageException("-fs must be local or a filesystem URI such as hdfs://namenode:8020 or file:///,"
                    + " not '" + value + "' (" + problem + ")");
        }
    }

    /** {@code local}, or the ResourceManager's address as YARN parses it: host, or host:port. */
    private static void resourceManager(String value) throws UsageException {
        if (value.equalsIgnoreCase("local")) {
            return;
        }
        String address = value.contains("://") ? value.substring(value.indexOf("://") + 3) : value;
        int colon = address.endsWith("]") ? -1 : address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        boolean good = (host.matches("[A-Za-z0-9._-]+") || host.matches("\\[[0-9A-Fa-f:.]+\\]"))
                && !address.contains("/");
        if (good && colon >= 0) {
            String port = address.substring(colon + 1);
            good = port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
        }
        if (!good) {
            throw new UsageException("-jt must be local or the ResourceManager's host:port (port 1 to 65535), not '"
                    + value + "'");
        }
    }

    /** Hadoop parses each entry of the list as a URI ({@code #name} gives the link's name in the task's directory). */
    private static void list(String name, String value) throws UsageException {
        for (String entry : value.split(",", -1)) {
            if (entry.isEmpty()) {
                throw new UsageException(name + " " + value + " has an empty name in its list");
            }
            uri(name, withoutWildcard(name, entry));
        }
    }

    /** -libjars takes {@code dir/*} (every jar in dir); the '*' is not part of the URI. */
    private static boolean isWildcard(String name, String entry) {
        return name.equals("-libjars") && entry.endsWith("*");
    }

    private static String withoutWildcard(String name, String entry) {
        return isWildcard(name, entry) ? entry.substring(0, entry.length() - 1) : entry;
    }

    private static URI uri(String name, String entry) throws UsageException {
        try {
            return new URI(entry.isEmpty() ? "." : entry);
        } catch (URISyntaxException e) {
            throw new UsageException(name + " '" + entry + "' is not a path or URI Hadoop can read (" + e.getReason()
                    + " at index " + e.getIndex() + ")");
        }
    }

    /**
     * The local path of a -conf value. Hadoop reads a -conf file from the local disk whatever its
     * scheme ({@code Configuration} uses java.io.File), so any scheme but {@code file:} is refused.
     */
    private static String confPath(String value) throws UsageException {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return value; // a plain file name with characters a URI may not hold
        }
        if (uri.getScheme() == null || uri.getScheme().length() == 1) {
            return value;
        }
        if (!uri.getScheme().equals("file")) {
            throw new UsageException("-conf " + value + ": Hadoop reads -conf files from the local disk only (it would"
                    + " read " + uri.getPath() + " here); copy the file to this machine");
        }
        return uri.getPath();
    }

    /** A readable, well-formed XML file whose root element is {@code <configuration>}, as Hadoop's site files. */
    private static void confFile(String value, Path file) throws UsageException {
        readableFile("-conf", value, file);
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            String root = null;
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && root == null) {
                    root = reader.getLocalName();
                }
            }
            reader.close();
            if (!"configuration".equals(root)) {
                throw new UsageException("-conf " + value + " is not a Hadoop configuration file: its root element is <"
                        + root + ">, not <configuration>");
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            String message = String.valueOf(e.getMessage());
            // The JDK's message repeats the position first: "ParseError at [row,col]:[3,1]\nMessage: ...".
            int text = message.indexOf("Message: ");
            throw new UsageException("-conf " + value + " is not well-formed XML" + where + ": "
                    + Messages.firstLine(text < 0 ? message : message.substring(text + "Message: ".length())));
        } catch (IOException e) {
            throw new UsageException("-conf " + value + " cannot be read: " + Messages.firstLine(String.valueOf(e)));
        }
    }

    /**
     * An entry of -files, -archives or -libjars that Hadoop looks for on this machine (no scheme, or
     * {@code file:}) exists; {@code dir/*} of -libjars is a directory with jars in it.
     */
    private static void localEntry(String name, String entry, Path workingDirectory) throws UsageException {
        boolean wildcard = isWildcard(name, entry);
        URI uri = uri(name, withoutWildcard(name, entry));
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return; // another filesystem: Hadoop checks it there
        }
        String path = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
        path = path == null || path.isEmpty() ? "." : path;
        Path local = workingDirectory.resolve(path);
        if (!Files.exists(local)) {
            throw new UsageException(name + " " + entry + ": no such file" + (wildcard ? " or directory" : ""));
        }
        if (wildcard) {
            if (!Files.isDirectory(local)) {
                throw new UsageException(name + " " + entry + ": " + path + " is not a directory");
            }
            try (Stream<Path> files = Files.list(local)) {
                if (files.noneMatch(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))) {
                    throw new UsageException(name + " " + entry + ": no jars in " + path);
                }
            } catch (IOException e) {
                throw new UsageException(name + " " + entry + " cannot be read: " + Messages.firstLine(String.valueOf(e)));
            }
        } else if (!Files.isReadable(local)) {
            throw new UsageException(name + " " + entry + " cannot be read");
        }
    }

    private static void tokenFile(String value, Path file) throws UsageException {
        readableFile("-tokenCacheFile", value, file);
        byte[] head = new byte[TOKEN_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length || !Arrays.equals(head, TOKEN_MAGIC)) {
                throw new UsageException("-tokenCacheFile " + value + " is not a Hadoop token file (it does not start"
                        + " with HDTS)");
            }
        } catch (IOException e) {
            throw new UsageException("-tokenCacheFile " + value + " cannot be read: "
                    + Messages.firstLine(String.valueOf(e)));
        }
    }

    private static void readableFile(String name, String value, Path file) throws UsageException {
        if (!Files.exists(file)) {
            throw new UsageException(name + " " + value + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(name + " " + value + " is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException(name + " " + value + " cannot be read (permission denied)");
        }
    }
}
