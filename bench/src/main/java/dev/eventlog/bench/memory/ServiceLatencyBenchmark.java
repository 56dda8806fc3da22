package dev.eventlog.bench.memory;

import dev.eventlog.bench.data.SampleLog;
import dev.eventlog.core.domain.EventKey;
import dev.eventlog.core.port.AppendResult;
import dev.eventlog.core.query.ListRequest;
import dev.eventlog.core.usecase.EventLogService;
import dev.eventlog.core.usecase.EventPage;
import dev.eventlog.core.domain.EventRecord;
import dev.eventlog.inmemory.InMemoryEventLog;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The use cases on the in-memory store, without HTTP or JSON: what the domain itself costs per call, the part of
 * the handler's latency that no transport can remove.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ServiceLatencyBenchmark {

    private static final int SEEDED = 1000;

    private EventLogService service;
    private ListRequest day;
    private EventKey key;
    private int next;

    /** A fresh store each iteration, so the stamped writes of one iteration do not make the next one's store larger. */
    @Setup(Level.Iteration)
    public void setUp() {
        InMemoryEventLog store = new InMemoryEventLog();
        for (int i = 0; i < SEEDED; i++) {
            store.append(SampleLog.event(i));
        }
        service = new EventLogService(store, Clock.systemUTC());
        day = ListRequest.day(SampleLog.FIRST_DAY.toString());
        key = SampleLog.key(SEEDED / 2);
    }

    @Benchmark
    public AppendResult recordStamped() {
        return service.record(SampleLog.stampedDraft(next++));
    }

    @Benchmark
    public EventRecord getByKey() {
        return service.get(key.dateText(), key.timeText(), key.eventId());
    }

    @Benchmark
    public EventPage listDay() {
        return service.list(day);
    }
}
