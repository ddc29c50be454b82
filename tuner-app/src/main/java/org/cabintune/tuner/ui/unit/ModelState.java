package org.cabintune.tuner.ui.unit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A view model's state: one immutable value, replaced whole from any thread, readable from any
 * thread. Listeners hear of changes on the UI thread; changes that come faster than the UI
 * thread takes them are folded into one notice of the latest value, so a meter stream never
 * floods the event queue.
 *
 * @param <S> the state's type, a record
 */
public final class ModelState<S> {

    private final AtomicReference<S> value;
    private final ModelThreads threads;
    private final List<Consumer<S>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean noticePending = new AtomicBoolean();

    ModelState(S initial, ModelThreads threads) {
        this.value = new AtomicReference<>(initial);
        this.threads = threads;
    }

    /** The state now. */
    public S get() {
        return value.get();
    }

    /** Tells {@code listener} of every change, on the UI thread, starting with the state now. */
    public void listen(Consumer<S> listener) {
        listeners.add(listener);
        threads.ui(() -> listener.accept(value.get()));
    }

    /** Replaces the state with {@code change} of it (atomically: {@code change} may run more than once). */
    S update(UnaryOperator<S> change) {
        S next = value.updateAndGet(change);
        if (noticePending.compareAndSet(false, true)) {
            threads.ui(() -> {
                noticePending.set(false);
                S now = value.get();
                for (Consumer<S> l : listeners) {
                    l.accept(now);
                }
            });
        }
        return next;
    }
}
