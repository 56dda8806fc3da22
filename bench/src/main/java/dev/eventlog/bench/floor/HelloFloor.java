package dev.eventlog.bench.floor;

/** The cold-start floor: a JVM that starts, prints one line and exits. */
public final class HelloFloor {

    private HelloFloor() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
