package org.randsum.testing;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Every command-line mistake the tests try, with the start of the one message that must name it.
 * {@code OptionsParserTest} checks the parser's message; {@code RandSumDriverBadInputTest} runs the
 * driver on each and checks the one line, the exit code 2 and that nothing was written. {@link #OUT}
 * stands for an output directory that must not come to exist.
 */
public final class BadInputs {
    public static final String OUT = "OUT";

    private static final String[][] TABLE = {
        {"", "-n/--count is required"},
        {"--seed 1 -o OUT", "-n/--count is required"},
        {"-n -5", "-n/--count must be from 0 to 9223372036854775807, not '-5'"},
        {"-n -1 -o OUT", "-n/--count must be from 0"},
        {"-n abc", "-n/--count must be a whole number, not 'abc'"},
        {"-n many -o OUT", "-n/--count must be a whole number, not 'many'"},
        {"-n 1.5", "-n/--count must be a whole number, not '1.5'"},
        {"-n 2.5 -o OUT", "-n/--count must be a whole number, not '2.5'"},
        {"-n 9223372036854775808", "-n/--count must be from 0 to 9223372036854775807"},
        {"-n 9223372036854775808 -o OUT", "-n/--count must be from 0 to 9223372036854775807"},
        {"-n 1e19 -o OUT", "-n/--count must be from 0 to 9223372036854775807"},
        {"-n 10 --min 5 --max 1", "--min 5 is greater than --max 1"},
        {"-n 10 --min 3 --max 2 -o OUT", "--min 3 is greater than --max 2"},
        {"-n 10 --min -9223372036854775809", "--min must be from -9223372036854775808 to 9223372036854775807"},
        {"-n 10 --max 9223372036854775808", "--max must be from -9223372036854775808 to 9223372036854775807"},
        {"-n 10 --max 99999999999999999999", "--max must be from -9223372036854775808"},
        {"-n 10 --seed x1", "--seed must be a whole number, not 'x1'"},
        {"-n 10 --seed abc -o OUT", "--seed must be a whole number, not 'abc'"},
        {"-n 10 -m 0", "--maps must be from 1 to 1000000, not '0'"},
        {"-n 10 -m 0 -o OUT", "--maps must be from 1"},
        {"-n 10 -m -3 -o OUT", "--maps must be from 1"},
        {"-n 10 -t -2", "--threads must be from 1 to 1024, not '-2'"},
        {"-n 10 -t 5000", "--threads must be from 1 to 1024, not '5000'"},
        {"-n 10 -t 0 -o OUT", "--threads must be from 1"},
        {"-n 10 --threads -1 -o OUT", "--threads must be from 1"},
        {"-n 10 --bogus", "Unrecognized option: --bogus"},
        {"-n 10 --frobnicate -o OUT", "Unrecognized option: --frobnicate"},
        {"-n 10 --engine spark", "--engine must be mapreduce or threads, not 'spark'"},
        {"-n 10 --engine gpu", "--engine must be mapreduce or threads"},
        {"-n 10 extra", "unexpected argument 'extra'"},
        {"-n 10 -n 11", "--count is given more than once"},
        {"-i d -n 10", "--count cannot be used with --input"},
        {"-n 10 --engine threads -o OUT", "--engine threads runs in-process"},
        {"-n 10 -o ''", "-o/--output needs a directory, not ''"},
        {"-i ''", "-i/--input needs a directory, not ''"},
        {"generate -n 10 -o ''", "-o/--output needs a directory, not ''"},
        {"-n 10 --engine threads --timeline t.html", "--engine threads runs in-process: it takes no --input, --output,"
            + " --maps or --timeline"},
        {"-n 10 --timeline ''", "--timeline needs a file, not ''"},
        {"generate -n 10 -o OUT --timeline t.html", "generate takes -n, --seed, -m, -o and --json; --timeline belongs"
            + " to the run"},
    };

    /**
     * Bad {@code -D randsum.*} settings (Hadoop's generic options, so they reach the driver through
     * ToolRunner), with the start of the one message naming key and value.
     */
    private static final String[][] SETTINGS = {
        {"-D randsum.chunk.values=abc -n 10 -o OUT", "randsum.chunk.values must be a whole number, not 'abc'"},
        {"-D randsum.chunk.values=0 -n 10", "randsum.chunk.values must be from 1 to 9223372036854775807, not '0'"},
        {"-Drandsum.chunk.values=-5 -n 10 -o OUT", "randsum.chunk.values must be from 1"},
        {"-D randsum.kernel=gpu -n 10 -o OUT", "randsum.kernel must be auto, vector or scalar, not 'gpu'"},
        {"-D randsum.kernel=vectorized --engine threads -n 10", "randsum.kernel must be auto, vector or scalar"},
        {"-D randsum.work.roots=/x -n 10", "unknown setting randsum.work.roots=/x (randsum's settings:"},
        {"-D randsum.chunk-values=5 -n 10 -o OUT", "unknown setting randsum.chunk-values=5"},
        {"-D randsum.threads=4 -n 10", "randsum.threads is set from -t/--threads"},
        {"-D randsum.min=4 -n 10 -o OUT", "randsum.min is set from --min"},
        {"-D randsum.max=4 generate -n 10 -o OUT", "randsum.max is set from --max"},
        {"-D randsum.progress=maybe -n 10 -o OUT", "randsum.progress must be true or false, not 'maybe'"},
        {"-D randsum.map.start.seconds=0 -n 10", "randsum.map.start.seconds must be seconds above 0 and at most 3600, not '0'"},
        {"-D randsum.map.start.seconds=fast -n 10 -o OUT", "randsum.map.start.seconds must be seconds above 0"},
        {"-D randsum.map.start.seconds=NaN -n 10", "randsum.map.start.seconds must be seconds above 0"},
        {"-D randsum.map.start.seconds=3601 -n 10", "randsum.map.start.seconds must be seconds above 0 and at most 3600"},
        {"-D randsum.work.root=/ -n 10", "randsum.work.root=/ is the root of a filesystem, which randsum would make"
            + " private (0700)"},
        {"-D randsum.work.root=file:/// -n 10 -o OUT", "randsum.work.root=file:/// is the root of a filesystem"},
        {"-D randsum.work.root=hdfs://nn:8020 -n 10", "randsum.work.root=hdfs://nn:8020 is the root of a filesystem"},
        {"-D randsum.work.root=hdfs:/ -n 10", "randsum.work.root=hdfs:/ is the root of a filesystem"},
    };

    /**
     * Settings that are valid alone but absurd or harmful for the run: the driver refuses them once it
     * knows the plan ({@code randsum.chunk.values} against the largest map) or the filesystem (the
     * home directory as the work root, which would be made private).
     */
    private static final String[][] DRIVER_SETTINGS = {
        {"-D randsum.chunk.values=1 -n 1e7 -m 1 -o OUT", "randsum.chunk.values=1 would hand a map of 10000000 values"
            + " 10000000 records, more than 1000000"},
        {"-D randsum.chunk.values=9 -n 1e8 -m 10", "give at least 10, or leave it unset"},
        {"-D randsum.work.root=HOME -n 10 -o OUT", "randsum.work.root=HOME is your home directory, which randsum would"
            + " make private (0700)"},
        {"-n 10 -o OUT --timeline HOME", "--timeline HOME is a directory; name a file"},
        {"-n 10 --timeline /no-such-randsum-dir/t.html", "--timeline /no-such-randsum-dir/t.html: no directory"
            + " /no-such-randsum-dir"},
        {"-n 10 -o OUT --timeline /tmp/randsum-never-written.html", "--timeline draws a YARN job from its history, and"
            + " local mode keeps none"},
    };

    /** Stands for the directory of {@link #writeFixtures}' files in {@link #GENERIC}'s rows. */
    public static final String FIX = "FIX";
    /** Stands for this user's home directory. */
    public static final String HOME = "HOME";
    /** Stands for an empty argument (the rows are split at white space). */
    public static final String EMPTY = "''";

    /**
     * Mistakes in Hadoop's generic options, which come before randsum's own: the start of the one
     * line, and whether the mistake is in the value's form ({@code syntax}: {@code CheckOptions}
     * refuses it too, anywhere) or in a local file it names ({@code file}: only where the job is
     * submitted, so {@code CheckOptions}, run on a laptop for a cluster's step, lets it pass).
     */
    private static final String[][] GENERIC = {
        {"-conf FIX/missing.xml -n 10 -o OUT", "-conf FIX/missing.xml: no such file", "file"},
        {"-conf FIX/bad.xml -n 10", "-conf FIX/bad.xml is not well-formed XML at line 3:", "file"},
        {"-conf FIX/empty.xml -n 10 -o OUT", "-conf FIX/empty.xml is not well-formed XML", "file"},
        {"-conf FIX/pom.xml -n 10", "-conf FIX/pom.xml is not a Hadoop configuration file: its root element is"
            + " <project>, not <configuration>", "file"},
        {"-conf FIX -n 10", "-conf FIX is a directory, not a file", "file"},
        {"-conf hdfs://nn:8020/site.xml -n 10", "-conf hdfs://nn:8020/site.xml: Hadoop reads -conf files from the"
            + " local disk only", "syntax"},
        {"-conf", "-conf needs a file name", "syntax"},
        {"-conf '' -n 10 -o OUT", "-conf needs a file name, not ''", "syntax"},
        {"-conf -D a=b -n 10", "-conf needs a file name", "syntax"},
        {"--conf FIX/missing.xml -n 10", "-conf FIX/missing.xml: no such file", "file"},
        {"-conf=FIX/missing.xml -n 10 -o OUT", "-conf FIX/missing.xml: no such file", "file"},
        {"-D a=b --libjars=FIX/missing.jar -n 10", "-libjars FIX/missing.jar: no such file", "file"},
        {"-D -n 10", "-D needs key=value, not '-n' (Hadoop would ignore it)", "syntax"},
        {"-D randsum.kernel -n 10 -o OUT", "-D needs key=value, not 'randsum.kernel'", "syntax"},
        {"-D =v -n 10", "-D =v has no key", "syntax"},
        {"-D", "-D needs key=value", "syntax"},
        {"-D '' -n 10", "-D needs key=value, not ''", "syntax"},
        {"-fs '' -n 10", "-fs needs a filesystem URI", "syntax"},
        {"-fs hdfs//nn -n 10 -o OUT", "-fs must be local or a filesystem URI such as hdfs://namenode:8020 or file:///,"
            + " not 'hdfs//nn' (it has no scheme)", "syntax"},
        {"-fs hdfs:/// -n 10", "-fs must be local or a filesystem URI", "syntax"},
        {"-fs local -fs file:/// -n 10", "-fs is given more than once", "syntax"},
        {"-jt rm:99999 -n 10", "-jt must be local or the ResourceManager's host:port (port 1 to 65535), not 'rm:99999'",
            "syntax"},
        {"-jt rm: -n 10 -o OUT", "-jt must be local or the ResourceManager's host:port", "syntax"},
        {"-jt '' -n 10", "-jt needs local or the ResourceManager's host:port", "syntax"},
        {"-libjars FIX/missing.jar -n 10 -o OUT", "-libjars FIX/missing.jar: no such file", "file"},
        {"-libjars FIX/nojars/* -n 10", "-libjars FIX/nojars/*: no jars in FIX/nojars/", "file"},
        {"-libjars FIX/notes.txt/* -n 10", "-libjars FIX/notes.txt/*: FIX/notes.txt/ is not a directory", "file"},
        {"-files FIX/notes.txt,,FIX/notes.txt -n 10", "-files FIX/notes.txt,,FIX/notes.txt has an empty name in its list",
            "syntax"},
        {"-files FIX/notes.txt, -n 10 -o OUT", "-files FIX/notes.txt, has an empty name in its list", "syntax"},
        {"-files FIX/notes.txt -files FIX/notes.txt -n 10", "-files is given more than once", "syntax"},
        {"-files FIX/missing.txt#data -n 10", "-files FIX/missing.txt#data: no such file", "file"},
        {"-files FIX/a^b.txt -n 10", "-files 'FIX/a^b.txt' is not a path or URI Hadoop can read", "syntax"},
        {"-archives FIX/missing.zip -n 10 -o OUT", "-archives FIX/missing.zip: no such file", "file"},
        {"-tokenCacheFile FIX/missing.tokens -n 10", "-tokenCacheFile FIX/missing.tokens: no such file", "file"},
        {"-tokenCacheFile FIX/notes.txt -n 10", "-tokenCacheFile FIX/notes.txt is not a Hadoop token file", "file"},
        {"-tokenCacheFile '' -n 10", "-tokenCacheFile needs a file name", "syntax"},
    };

    private BadInputs() {
    }

    /** Each row of settings the driver refuses against the plan or the filesystem, and the message's start. */
    public static Stream<Arguments> driverSettings() {
        return Stream.of(DRIVER_SETTINGS).map(row -> Arguments.of(row[0], row[1]));
    }

    /** Each row of generic option mistakes: arguments, the message's start, and {@code syntax} or {@code file}. */
    public static Stream<Arguments> generic() {
        return Stream.of(GENERIC).map(row -> Arguments.of(row[0], row[1], row[2]));
    }

    /** The rows of {@link #generic()} of one kind ({@code syntax} or {@code file}). */
    public static Stream<Arguments> generic(String kind) {
        return Stream.of(GENERIC).filter(row -> row[2].equals(kind)).map(row -> Arguments.of(row[0], row[1]));
    }

    public static Stream<Arguments> genericSyntax() {
        return generic("syntax");
    }

    public static Stream<Arguments> genericFiles() {
        return generic("file");
    }

    /**
     * The files {@link #GENERIC}'s rows name, in {@code dir}: a malformed and an empty XML file, an
     * XML file that is no configuration, a directory without jars, a text file. Returns {@code dir}.
     */
    public static java.nio.file.Path writeFixtures(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("nojars"));
        java.nio.file.Files.writeString(dir.resolve("nojars").resolve("readme.txt"), "no jars here\n");
        java.nio.file.Files.writeString(dir.resolve("bad.xml"),
                "<?xml version=\"1.0\"?>\n<configuration>\n<property><name>a</name></value></property>\n");
        java.nio.file.Files.writeString(dir.resolve("empty.xml"), "");
        java.nio.file.Files.writeString(dir.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n<project></project>\n");
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "notes\n");
        return dir;
    }

    /** {@code text} with {@link #FIX} as {@code fixtures} and {@link #HOME} as the user's home directory. */
    public static String expand(String text, java.nio.file.Path fixtures) {
        return text.replace(FIX, fixtures.toString()).replace(HOME, System.getProperty("user.home"));
    }

    /** The row's arguments, with {@link #OUT} as {@code out}, {@link #EMPTY} as "" and {@link #expand}'s names. */
    public static String[] argv(String args, String out, java.nio.file.Path fixtures) {
        return Stream.of(argv(args, out)).map(arg -> expand(arg, fixtures))
                .toArray(String[]::new);
    }

    /** Each row of bad settings: the arguments as one line, with generic options first, and the message's start. */
    public static Stream<Arguments> settings() {
        return Stream.of(SETTINGS).map(row -> Arguments.of(row[0], row[1]));
    }

    /** Each row: the arguments as one line (split by {@link #argv}), and the message's start. */
    public static Stream<Arguments> rows() {
        return Stream.of(TABLE).map(row -> Arguments.of(row[0], row[1]));
    }

    /** The row's arguments, with {@link #OUT} replaced by {@code out} and {@link #EMPTY} by "". */
    public static String[] argv(String args, String out) {
        return args.isBlank() ? new String[0] : Stream.of(args.trim().replace(OUT, out).split("\\s+"))
                .map(arg -> arg.equals(EMPTY) ? "" : arg).toArray(String[]::new);
    }
}
