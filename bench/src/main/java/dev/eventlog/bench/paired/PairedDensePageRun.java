package dev.eventlog.bench.paired;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.eventlog.bench.data.DenseLog;
import dev.eventlog.bench.dynalite.DynaliteStores;
import dev.eventlog.bench.handler.QuietHandler;
import dev.eventlog.lambda.EventLogHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A page of 100 from the middle of a millisecond that holds thousands of events against a page of 100 from the
 * middle of an ordinary day of as many events ({@link DenseLog}), through the handler on dynalite, alternating call
 * by call in one JVM. A page that resumes at its exact key costs the same wherever it lies. Arguments: the events
 * {@link DenseLog} loaded into each, warm-up pairs, measured pairs, output TSV.
 */
public final class PairedDensePageRun {

    private PairedDensePageRun() {
    }

    public static void main(String[] args) throws IOException {
        int size = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        EventLogHandler handler = QuietHandler.on(DynaliteStores.store(DynaliteStores.client(), DenseLog.TABLE));
        APIGatewayV2HTTPEvent dense = DenseLog.middleOfMillisecond(handler, size);
        APIGatewayV2HTTPEvent ordinary = DenseLog.middleOfDay(handler, size);
        Alternation.Times times = Alternation.run(warmup, measured, n -> read(handler, dense), n -> read(handler, ordinary));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            out.println("dense_p50_us\tdense_p99_us\tordinary_p50_us\tordinary_p99_us\tpairs");
            out.println(times.columns());
        }
    }

    private static void read(EventLogHandler handler, APIGatewayV2HTTPEvent page) {
        int status = handler.handleRequest(page, null).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("a page answered " + status);
        }
    }
}
