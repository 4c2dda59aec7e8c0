package org.randsum.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for tests: a detached tmux session on a private server (its own socket, so a
 * user's tmux is never touched), with a shell command in its one pane; the screen is read with
 * {@code capture-pane}. {@link #close()} kills the server and whatever still runs in it.
 */
final class Tmux implements AutoCloseable {
    private final String socket = "randsum-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Starts {@code shellCommand} in a {@code columns} x {@code rows} pane. */
    Tmux(int columns, int rows, String shellCommand) throws IOException, InterruptedException {
        tmux("new-session", "-d", "-s", "it", "-x", Integer.toString(columns), "-y", Integer.toString(rows),
                shellCommand);
    }

    /** The visible screen, each line without its trailing spaces, blank lines at the end dropped. */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "it").stripTrailing();
    }

    /** Captures the screen every 100 ms until {@code until} holds for it; fails after {@code limit}. */
    String await(Predicate<String> until, Duration limit, String what) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        String screen = screen();
        while (!until.test(screen)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within " + limit + "; the screen:\n" + screen);
            }
            Thread.sleep(100);
            screen = screen();
        }
        return screen;
    }

    /** Every screen captured every 100 ms until {@code until} holds; fails after {@code limit}. */
    List<String> record(Predicate<String> until, Duration limit) throws IOException, InterruptedException {
        List<String> screens = new ArrayList<>();
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            String screen = screen();
            screens.add(screen);
            if (until.test(screen)) {
                return screens;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not done within " + limit + "; the screen:\n" + screen);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            tmux("kill-server");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping tmux", e);
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("tmux " + String.join(" ", args) + " did not end");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && !args[0].equals("kill-server")) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + text);
        }
        return text;
    }
}
