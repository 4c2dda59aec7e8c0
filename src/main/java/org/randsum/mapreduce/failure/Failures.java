package org.randsum.mapreduce.failure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.randsum.cli.Messages;

/** An exception's chain of causes, walked in one place, and the one line a user is told. */
public final class Failures {
    private Failures() {
    }

    /** {@code e} and its causes, outermost first; ends at a cause seen before (a cycle). */
    public static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = e; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** The outermost cause of {@code e} (itself included) that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        return chain(e).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * The outermost cause whose class has one of {@code simpleNames}: for the types of optional
     * libraries (hadoop-aws, the AWS SDK), which may be missing at run time and so cannot be named in code.
     */
    public static Optional<Throwable> findByName(Throwable e, Set<String> simpleNames) {
        return chain(e).stream().filter(cause -> simpleNames.contains(cause.getClass().getSimpleName())).findFirst();
    }

    /** The innermost cause. */
    public static Throwable root(Throwable e) {
        List<Throwable> chain = chain(e);
        return chain.get(chain.size() - 1);
    }

    /** The first line of {@code t}'s message, or its type's name when it has none. */
    public static String firstLine(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : Messages.firstLine(t.getMessage());
    }

    /** One line for an unexpected failure: the innermost message, after the outer one when they differ. */
    public static String describe(Throwable e) {
        Throwable root = root(e);
        String message = firstLine(root);
        return root == e ? message : Messages.firstLine(String.valueOf(e.getMessage())) + ": " + message;
    }
}
