package dev.eventlog.core.usecase;

import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.core.domain.StoreUnavailableException;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.port.EventLogPort;
import dev.eventlog.core.query.EventQuery;
import dev.eventlog.core.query.Page;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The fake store behind a script, for tests of code that calls a store from its own threads: the next batch
 * calls can fail (before writing, or after writing part of the batch, as a store that fails part way does), every call
 * can be held at a gate, and every batch handed over is recorded. It lives beside {@link FakeEventLog}, which it
 * wraps.
 */
public final class ScriptedEventLog implements EventLogPort {

    private final FakeEventLog store = new FakeEventLog();
    private final Deque<Step> script = new ArrayDeque<>();
    private final List<List<EventRecord>> calls = new ArrayList<>();
    private final Semaphore entered = new Semaphore(0);
    private volatile CountDownLatch gate;
    private volatile boolean down;

    /** One scripted call: write the first {@code written} events, then throw {@code failure}. */
    private record Step(int written, RuntimeException failure) {}

    /** The next {@code calls} calls throw {@link StoreUnavailableException} before writing anything. */
    public synchronized ScriptedEventLog failNext(int calls) {
        for (int i = 0; i < calls; i++) {
            script.addLast(new Step(0, unavailable()));
        }
        return this;
    }

    /** The next call writes its first {@code written} events, then throws {@link StoreUnavailableException}. */
    public synchronized ScriptedEventLog failAfterWriting(int written) {
        script.addLast(new Step(written, unavailable()));
        return this;
    }

    /** The next call throws {@code failure} before writing anything. */
    public synchronized ScriptedEventLog throwNext(RuntimeException failure) {
        script.addLast(new Step(0, failure));
        return this;
    }

    /** Every call from now on throws {@link StoreUnavailableException}, until {@link #recover()}. */
    public void goDown() {
        down = true;
    }

    public void recover() {
        down = false;
    }

    /**
     * Calls from now on wait at a gate until {@link #open()}; a call interrupted there throws
     * {@link StoreUnavailableException}, as a network client does.
     */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void open() {
        CountDownLatch held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** Waits until {@code count} more calls have started (they may be held at the gate). */
    public boolean awaitCalls(int count, Duration timeout) throws InterruptedException {
        return entered.tryAcquire(count, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Every batch handed to {@link #appendAll}, retries included, in the order the calls started. */
    public synchronized List<List<EventRecord>> calls() {
        return List.copyOf(calls);
    }

    /** How many events are stored. */
    public int stored() {
        return store.size();
    }

    /** Not scripted nor recorded: tests use it to put events in the store beforehand. */
    @Override
    public AppendResult append(EventRecord event) {
        return store.append(event);
    }

    @Override
    public List<AppendResult> appendAll(List<EventRecord> events) {
        Step step;
        synchronized (this) {
            calls.add(List.copyOf(events));
            step = script.pollFirst();
        }
        entered.release();
        CountDownLatch held = gate;
        if (held != null) {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while waiting for the store", e);
            }
        }
        if (down) {
            throw unavailable();
        }
        if (step != null) {
            store.appendAll(events.subList(0, Math.min(step.written(), events.size())));
            throw step.failure();
        }
        return store.appendAll(events);
    }

    @Override
    public Optional<EventRecord> find(EventKey key) {
        return store.find(key);
    }

    @Override
    public Page query(EventQuery query, Optional<EventKey> after) {
        return store.query(query, after);
    }

    private static StoreUnavailableException unavailable() {
        return new StoreUnavailableException("the store is unavailable (scripted)", null);
    }
}
