package org.cabintune.tuner.ui.unit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.cabintune.tuner.audio.Prompt;

/**
 * The measurement wizard as the microphone's {@link Prompt}: the measurement's thread shows the
 * move (through {@code show}, into the wizard's state, which the view turns into a dialog) and
 * waits until the installer answers, Continue or Stop, from the event thread. Interrupting the
 * waiting thread (the step stopped) withdraws the question.
 */
final class WizardPrompt implements Prompt {

    private final Consumer<Move> show;
    /** The answer the waiting thread waits for; null while nothing waits. */
    private CompletableFuture<Boolean> answer;

    /** @param show shows the move asked for, or null when nothing is asked any more */
    WizardPrompt(Consumer<Move> show) {
        this.show = show;
    }

    @Override
    public void await(Move move) throws IOException {
        CompletableFuture<Boolean> waiting = new CompletableFuture<>();
        synchronized (this) {
            answer = waiting;
        }
        show.accept(move);
        try {
            if (!waiting.get()) {
                throw new Stopped(move);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while waiting for the microphone at position " + move.position());
        } catch (ExecutionException e) {
            throw new IllegalStateException("the answer is only ever Continue or Stop", e);
        } finally {
            synchronized (this) {
                answer = null;
            }
            show.accept(null);
        }
    }

    /** Answers the move asked for: Continue ({@code proceed}) or Stop; false when nothing waits. */
    boolean answer(boolean proceed) {
        CompletableFuture<Boolean> waiting;
        synchronized (this) {
            waiting = answer;
        }
        return waiting != null && waiting.complete(proceed);
    }
}
