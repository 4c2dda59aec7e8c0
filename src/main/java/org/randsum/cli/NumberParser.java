package org.randsum.cli;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Whole numbers as people type them: {@code 10000000000}, {@code 10_000_000_000} or {@code 1e10}.
 * Fractions, text and values outside the allowed range are usage errors naming the option.
 */
public final class NumberParser {
    private NumberParser() {
    }

    public static long parse(String text, String option, long lowest, long highest) throws UsageException {
        String plain = text.trim();
        if (plain.isEmpty() || !plain.matches("[+-]?[0-9][0-9_]*(\\.[0-9_]+)?([eE][+-]?[0-9]{1,4})?")
                || plain.contains("__") || plain.matches(".*(_[.eE]|[.eE]_|_$).*")) {
            throw new UsageException(option + " must be a whole number, not '" + text + "'");
        }
        BigDecimal decimal = new BigDecimal(plain.replace("_", ""));
        BigInteger whole;
        try {
            whole = decimal.toBigIntegerExact();
        } catch (ArithmeticException fractional) {
            throw new UsageException(option + " must be a whole number, not '" + text + "'");
        }
        if (whole.compareTo(BigInteger.valueOf(lowest)) < 0 || whole.compareTo(BigInteger.valueOf(highest)) > 0) {
            throw new UsageException(option + " must be from " + lowest + " to " + highest + ", not '" + text + "'");
        }
        return whole.longValueExact();
    }
}
