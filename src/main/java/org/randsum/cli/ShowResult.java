package org.randsum.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.randsum.contract.Int128;
import org.randsum.contract.ValueRange;

/**
 * Prints the text summary of a {@code result.json} (what a run with {@code --json} or {@code -o DIR}
 * writes), exactly as the driver prints a run without {@code --json}:
 * {@code java -cp randsum.jar org.randsum.cli.ShowResult [--output URI] [FILE]} reads FILE, or stdin
 * without it. Needs no Hadoop on the class path, so scripts (EMR submission) show a result read back
 * from S3 without parsing JSON themselves.
 *
 * <p>{@code --output URI} reports URI as the place the result was kept, instead of the file's own
 * {@code output} field: a submitter that chose {@code -o} and read the result back from there knows it
 * for certain.
 *
 * <p>Exit codes: 0 printed; 2 bad arguments, or the input is not a randsum result (one line on stderr
 * says why; nothing on stdout); 1 the file could not be read.
 */
public final class ShowResult {
    private static final String USAGE = "usage: ShowResult [--output URI] [FILE]  (FILE: a randsum result.json; stdin without it)";

    private ShowResult() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** The whole command; returns the exit code. */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        String output = null;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return ExitCode.OK;
            } else if (arg.equals("--output")) {
                if (i + 1 == args.length) {
                    err.println("randsum: --output needs a value; " + USAGE);
                    return ExitCode.USAGE;
                }
                output = args[++i];
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                err.println("randsum: unknown option '" + arg + "'; " + USAGE);
                return ExitCode.USAGE;
            } else if (file != null) {
                err.println("randsum: one result file at most; " + USAGE);
                return ExitCode.USAGE;
            } else {
                file = arg;
            }
        }
        boolean fromStdin = file == null || file.equals("-");
        String name = fromStdin ? "the standard input" : file;
        byte[] bytes;
        try {
            bytes = fromStdin ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            err.println("randsum: cannot read " + name + ": " + e);
            return ExitCode.FAILURE;
        }
        RunResult result;
        try {
            result = parse(utf8(bytes));
        } catch (NotAResultException e) {
            err.println("randsum: " + name + " is not a randsum result: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (output != null) {
            result = new RunResult(result.sum(), result.count(), result.seed(), result.range(), result.engine(),
                    result.maps(), result.threads(), result.kernels(), result.elapsedSeconds(), output, result.jobId());
        }
        out.print(result.toText());
        out.flush();
        return ExitCode.OK;
    }

    private static String utf8(byte[] bytes) throws NotAResultException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotAResultException("it is not UTF-8 text");
        }
    }

    /** The input is not a JSON object with the fields {@link RunResult#toJson()} writes. */
    static final class NotAResultException extends Exception {
        private static final long serialVersionUID = 1L;

        NotAResultException(String message) {
            super(message);
        }
    }

    /**
     * The result {@code json} describes: one JSON object holding every field {@link RunResult#toJson()}
     * writes ({@code output} and {@code jobId} may be absent, standing for null); other fields are ignored.
     */
    static RunResult parse(String json) throws NotAResultException {
        Map<String, Object> fields = new JsonReader(json).document();
        String sumText = string(fields, "sum", false);
        if (!INTEGER.matcher(sumText).matches()) {
            throw new NotAResultException("\"sum\" must be a decimal integer, not " + Json.quote(sumText));
        }
        Int128 sum;
        try {
            sum = Int128.parse(sumText);
        } catch (ArithmeticException e) {
            throw new NotAResultException("\"sum\" " + sumText + " is outside the signed 128-bit range");
        }
        long n = integer(fields, "n");
        if (n < 0) {
            throw new NotAResultException("\"n\" must not be negative, not " + n);
        }
        Long seed = null; // null: the run summed existing descriptors
        if (required(fields, "seed") != null) {
            seed = integer(fields, "seed");
        }
        ValueRange range;
        try {
            range = new ValueRange(integer(fields, "min"), integer(fields, "max"));
        } catch (IllegalArgumentException e) {
            throw new NotAResultException("its range is empty: " + e.getMessage());
        }
        String engineLabel = string(fields, "engine", false);
        Engine engine = null;
        for (Engine candidate : Engine.values()) {
            if (candidate.label().equals(engineLabel)) {
                engine = candidate;
            }
        }
        if (engine == null) {
            throw new NotAResultException("\"engine\" must be mapreduce or threads, not " + Json.quote(engineLabel));
        }
        long maps = integer(fields, "maps");
        long threads = integer(fields, "threads");
        if (threads < Integer.MIN_VALUE || threads > Integer.MAX_VALUE) {
            throw new NotAResultException("\"threads\" " + threads + " is too large");
        }
        double elapsed = Double.parseDouble(number(fields, "elapsedSeconds").text());
        if (!Double.isFinite(elapsed)) {
            throw new NotAResultException("\"elapsedSeconds\" is too large");
        }
        return new RunResult(sum, n, seed, range, engine, maps, (int) threads, kernels(fields), elapsed,
                string(fields, "output", true), string(fields, "jobId", true));
    }

    /** {@code "kernels"}: maps per kernel; absent (a result of a randsum before the vector kernel), none. */
    private static Map<String, Long> kernels(Map<String, Object> fields) throws NotAResultException {
        Object value = fields.get("kernels");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> perKernel)) {
            throw new NotAResultException("\"kernels\" must be an object, not " + describe(value));
        }
        Map<String, Long> kernels = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : perKernel.entrySet()) {
            if (!(entry.getValue() instanceof JsonNumber number) || !INTEGER.matcher(number.text()).matches()) {
                throw new NotAResultException("\"kernels\" must map names to whole numbers");
            }
            kernels.put((String) entry.getKey(), Long.parseLong(number.text()));
        }
        return kernels;
    }

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private static Object required(Map<String, Object> fields, String key) throws NotAResultException {
        if (!fields.containsKey(key)) {
            throw new NotAResultException("it has no \"" + key + "\"");
        }
        return fields.get(key);
    }

    /** A string field; with {@code nullable}, null or absent gives null. */
    private static String string(Map<String, Object> fields, String key, boolean nullable) throws NotAResultException {
        Object value = nullable ? fields.get(key) : required(fields, key);
        if (value == null && nullable) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new NotAResultException("\"" + key + "\" must be a string, not " + describe(value));
    }

    private static JsonNumber number(Map<String, Object> fields, String key) throws NotAResultException {
        Object value = required(fields, key);
        if (value instanceof JsonNumber number) {
            return number;
        }
        throw new NotAResultException("\"" + key + "\" must be a number, not " + describe(value));
    }

    /** A field holding a whole number in the signed 64-bit range, written without fraction or exponent. */
    private static long integer(Map<String, Object> fields, String key) throws NotAResultException {
        String text = number(fields, key).text();
        if (!INTEGER.matcher(text).matches()) {
            throw new NotAResultException("\"" + key + "\" must be a whole number, not " + text);
        }
        BigInteger value = new BigInteger(text);
        if (value.bitLength() > 63) {
            throw new NotAResultException("\"" + key + "\" " + text + " is outside the signed 64-bit range");
        }
        return value.longValueExact();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof JsonNumber number) {
            return number.text();
        } else if (value instanceof Boolean) {
            return value.toString();
        } else if (value instanceof List) {
            return "an array";
        }
        return "an object";
    }

    /** A JSON number as written, so that 64-bit integers stay exact. */
    record JsonNumber(String text) {
    }

    /**
     * A strict reader of one JSON document (RFC 8259) whose top level is an object: objects become maps
     * (a key given twice is an error), arrays lists, strings strings, numbers {@link JsonNumber}s, and
     * true, false and null Boolean and null.
     */
    static final class JsonReader {
        private static final int MAX_DEPTH = 64;
        private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
        private final String text;
        private int pos;

        JsonReader(String text) {
            this.text = text;
        }

        Map<String, Object> document() throws NotAResultException {
            skipWhitespace();
            if (pos == text.length()) {
                throw new NotAResultException("it is empty");
            }
            if (text.charAt(pos) != '{') {
                throw error("a JSON object");
            }
            Map<String, Object> object = object(1);
            skipWhitespace();
            if (pos != text.length()) {
                throw error("the end after the object");
            }
            return object;
        }

        private Object value(int depth) throws NotAResultException {
            skipWhitespace();
            if (depth > MAX_DEPTH) {
                throw new NotAResultException("it nests deeper than " + MAX_DEPTH + " levels");
            }
            if (pos == text.length()) {
                throw error("a value");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    return number();
            }
        }

        private Map<String, Object> object(int depth) throws NotAResultException {
            pos++; // '{'
            Map<String, Object> object = new LinkedHashMap<>();
            skipWhitespace();
            if (consume('}')) {
                return object;
            }
            do {
                skipWhitespace();
                if (pos == text.length() || text.charAt(pos) != '"') {
                    throw error("a string key");
                }
                int keyAt = pos;
                String key = string();
                skipWhitespace();
                if (!consume(':')) {
                    throw error("':'");
                }
                Object value = value(depth + 1);
                if (object.containsKey(key)) {
                    throw new NotAResultException("the key " + Json.quote(key) + " appears twice (character "
                            + (keyAt + 1) + ")");
                }
                object.put(key, value);
                skipWhitespace();
            } while (consume(','));
            if (!consume('}')) {
                throw error("',' or '}'");
            }
            return object;
        }

        private List<Object> array(int depth) throws NotAResultException {
            pos++; // '['
            List<Object> array = new ArrayList<>();
            skipWhitespace();
            if (consume(']')) {
                return array;
            }
            do {
                array.add(value(depth + 1));
                skipWhitespace();
            } while (consume(','));
            if (!consume(']')) {
                throw error("',' or ']'");
            }
            return array;
        }

        private String string() throws NotAResultException {
            pos++; // '"'
            StringBuilder s = new StringBuilder();
            while (true) {
                if (pos == text.length()) {
                    throw new NotAResultException("a string is not closed");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return s.toString();
                } else if (c < 0x20) {
                    pos--;
                    throw error("no control character inside a string");
                } else if (c != '\\') {
                    s.append(c);
                    continue;
                }
                if (pos == text.length()) {
                    throw new NotAResultException("a string is not closed");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int digit = pos < text.length() ? Character.digit(text.charAt(pos), 16) : -1;
                            if (digit < 0) {
                                throw error("four hexadecimal digits after \\u");
                            }
                            code = code * 16 + digit;
                            pos++;
                        }
                        s.append((char) code);
                    }
                    default -> {
                        pos--;
                        throw error("an escape (one of \" \\ / b f n r t u) after the backslash");
                    }
                }
            }
        }

        private JsonNumber number() throws NotAResultException {
            java.util.regex.Matcher m = NUMBER.matcher(text).region(pos, text.length());
            if (!m.lookingAt()) {
                throw error("a value");
            }
            pos = m.end();
            return new JsonNumber(m.group());
        }

        private void literal(String word) throws NotAResultException {
            if (!text.startsWith(word, pos)) {
                throw error("a value");
            }
            pos += word.length();
        }

        private boolean consume(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void skipWhitespace() {
            while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private NotAResultException error(String expected) {
            String found = pos == text.length() ? "the end" : Json.quote(String.valueOf(text.charAt(pos)));
            return new NotAResultException("malformed JSON at character " + (pos + 1) + ": expected " + expected
                    + ", found " + found);
        }
    }
}
