package dev.eventlog.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Invokes the function for one request as Lambda does: an invocation that outlasts the function's timeout is
 * stopped, and fails with Lambda's own message ("Task timed out after 20.00 seconds"), which the function's log
 * shows. The gateway then answers as the HTTP API answers any failed invocation.
 *
 * <p>Lambda ends such an invocation by stopping its execution environment; here the invocation's thread is
 * interrupted, which ends a wait or a store call that honours interrupts. Work that ignores them runs on to its
 * end with its answer dropped, as a write can also outlive a timeout on Lambda.
 */
final class FunctionInvoker {

    /** Why an invocation gave no response: the message Lambda reports for it. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final Duration timeout;
    private final PrintStream functionLog;
    private final ExecutorService invocations;

    FunctionInvoker(
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
            Duration timeout,
            PrintStream functionLog) {
        this.handler = handler;
        this.timeout = timeout;
        this.functionLog = functionLog;
        AtomicInteger count = new AtomicInteger();
        this.invocations = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "function-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The function's response to {@code event}; {@link Failed} when it threw or ran past its timeout. */
    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event, String requestId) throws Failed {
        Future<APIGatewayV2HTTPResponse> invocation =
                invocations.submit(() -> handler.handleRequest(event, new LocalLambdaContext(requestId)));
        try {
            return invocation.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            invocation.cancel(true);
            String message =
                    String.format(Locale.ROOT, "Task timed out after %.2f seconds", timeout.toMillis() / 1000.0);
            functionLog.println(requestId + " " + message);
            throw new Failed(message);
        } catch (ExecutionException e) {
            functionLog.println("Handler failed on request " + requestId + ": " + e.getCause());
            throw new Failed(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            invocation.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed("the gateway stopped while the function ran");
        }
    }

    /** Stops the invocation threads; invocations still running are interrupted. */
    void close() {
        invocations.shutdownNow();
    }
}
