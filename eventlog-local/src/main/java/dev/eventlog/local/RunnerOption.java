package dev.eventlog.local;

import java.util.List;

/**
 * Every option of the runner, once: its name, the placeholder of its value (none for a flag), whether it may be
 * repeated, its help, and the section of {@code --help} it is listed in. Parsing and the help text both read this
 * table, so an option cannot be accepted without being documented, nor documented without being accepted.
 */
enum RunnerOption {
    HOST(Section.SERVE, "--host", "HOST", "address to listen on (default 127.0.0.1)"),
    PORT(Section.SERVE, "--port", "PORT", "port to listen on, 0 for any free port (default 3000)"),
    ACCESS_LOG(Section.SERVE, "--access-log", "FILE", "append access-log lines to FILE (default stdout)"),
    ALLOWED_HOSTS(
            Section.SERVE,
            "--allowed-hosts",
            "LIST",
            "more Host names to answer, comma-separated (always answered: localhost, 127.0.0.1, [::1] and the"
                    + " --host address; others get 403)"),
    CORS_ALLOW_ORIGINS(
            Section.SERVE,
            "--cors-allow-origins",
            "LIST",
            "comma-separated allowed origins, * for any (default: the local pages, http://localhost:PORT and"
                    + " http://127.0.0.1:PORT of the API and the console; with --iam *); without --iam a request"
                    + " from any other origin is refused with 403"),
    CORS_ALLOW_METHODS(
            Section.SERVE, "--cors-allow-methods", "LIST", "allowed methods for preflight (default GET,POST)"),
    CORS_ALLOW_HEADERS(Section.SERVE, "--cors-allow-headers", "LIST", "allowed request headers, * for any (default *)"),
    CORS_EXPOSE_HEADERS(
            Section.SERVE, "--cors-expose-headers", "LIST", "response headers exposed to browsers (default none)"),
    CORS_MAX_AGE(Section.SERVE, "--cors-max-age", "SECONDS", "preflight cache time, 0-86400 (default none)"),
    CORS_ALLOW_CREDENTIALS(
            Section.SERVE, "--cors-allow-credentials", null, "allow credentials (needs explicit origins)"),
    NO_CORS(Section.SERVE, "--no-cors", null, "answer no preflight and add no CORS headers"),
    CONSOLE_PORT(
            Section.SERVE,
            "--console-port",
            "PORT",
            "port of the browser console, 0 for any free port (default 3001, or any free port when 3001 is taken;"
                    + " a port given here must be free)"),
    NO_CONSOLE(Section.SERVE, "--no-console", null, "do not serve the browser console"),
    IAM(
            Section.SERVE,
            "--iam",
            null,
            "require AWS Signature Version 4 (service execute-api) on every route (key pair: these options, else"
                    + " $AWS_ACCESS_KEY_ID and $AWS_SECRET_ACCESS_KEY, else [default] in ~/.aws/credentials)"),
    IAM_ACCESS_KEY(Section.SERVE, "--iam-access-key", "KEY", "the access key id to accept"),
    IAM_SECRET_KEY(
            Section.SERVE,
            "--iam-secret-key",
            "SECRET",
            "its secret; prefer the environment or a credentials file: a command line is visible to every local"
                    + " user (ps)"),
    IAM_CREDENTIALS_FILE(
            Section.SERVE,
            "--iam-credentials-file",
            "FILE",
            "read the key pair from an AWS credentials file (default $AWS_SHARED_CREDENTIALS_FILE, else"
                    + " ~/.aws/credentials)"),
    IAM_PROFILE(Section.SERVE, "--iam-profile", "NAME", "the profile in that file (default \"default\")"),

    EVENT(
            Section.INVOKE,
            "--event",
            "FILE",
            "a payload 2.0 event file, - for stdin; repeat to run several in order",
            true),

    PATH(Section.GENERATE_EVENT, "--path", "PATH", "the request path, percent-encoded (default /events)"),
    QUERY(
            Section.GENERATE_EVENT,
            "--query",
            "QUERY",
            "the query string without '?', e.g. limit=5; repeat to add more",
            true),
    BODY(Section.GENERATE_EVENT, "--body", "JSON", "the request body (sent as application/json)"),

    DATE(Section.DATA, "--date", "DATE", "export: the events of one day, YYYY-MM-DD"),
    FROM(Section.DATA, "--from", "INSTANT", "export: from this UTC instant, YYYY-MM-DD[THH:mm:ss.SSS] (inclusive)"),
    TO(Section.DATA, "--to", "INSTANT", "export: up to this UTC instant (exclusive); any length of time"),
    USER(
            Section.DATA,
            "--user",
            "ID",
            "export: one user's events (alone, or with --date or --from/--to); erase-user: the user to erase"),
    OUT(Section.DATA, "--out", "FILE", "export: write the NDJSON to FILE (default stdout)"),
    RESUME(
            Section.DATA,
            "--resume",
            "TOKEN",
            "export: continue where an interrupted export stopped (it prints the token), with the same options"),
    IN(Section.DATA, "--in", "FILE", "import: read NDJSON from FILE (default stdin)"),
    STRICT(
            Section.DATA,
            "--strict",
            null,
            "import: stop at the first invalid or conflicting line (default: report it and go on)"),
    DRY_RUN(Section.DATA, "--dry-run", null, "erase-user: count the user's events and list their days, delete nothing"),

    STORE(Section.STORE, "--store", "memory|dynamodb", "the store (default memory: embedded, lost on exit)"),
    DATA_FILE(
            Section.STORE,
            "--data",
            "FILE",
            "keep the in-memory store in FILE (NDJSON, the export format): loaded at start, each acknowledged"
                    + " write appended and forced to disk before the answer"),
    TABLE(Section.STORE, "--table", "NAME", "DynamoDB table (default EventLog)"),
    ENDPOINT_URL(Section.STORE, "--endpoint-url", "URL", "DynamoDB endpoint, e.g. a local emulator (default: AWS)"),
    REGION(
            Section.STORE,
            "--region",
            "REGION",
            "AWS region for DynamoDB and for SigV4 scopes (default $AWS_REGION, else us-east-1)"),
    CREATE_TABLE(
            Section.STORE,
            "--create-table",
            null,
            "create the DynamoDB table if it does not exist (with time to live on expiresAt when"
                    + " --retention-days is set)"),
    RETENTION_DAYS(
            Section.STORE,
            "--retention-days",
            "N",
            "keep events N days from their own time (1-36500): older ones are never returned and a POST of one"
                    + " is refused (default: forever)"),
    WRITE_SHARDS(
            Section.STORE,
            "--write-shards",
            "N",
            "the table's number of write shards, 1-64 (default 1; fixed by the table's first write)");

    /** The sections of {@code --help}, in order. */
    enum Section {
        SERVE("serve options"),
        INVOKE("invoke options"),
        GENERATE_EVENT("generate-event options"),
        DATA("export, import and erase-user options"),
        STORE("store options (serve, invoke, export, import, erase-user; backfill-user-index takes --table,"
                + " --endpoint-url and --region)");

        final String title;

        Section(String title) {
            this.title = title;
        }
    }

    final Section section;
    final String name;
    /** The value's placeholder in the help, or null for a flag. */
    final String value;

    final String help;
    final boolean repeatable;

    RunnerOption(Section section, String name, String value, String help) {
        this(section, name, value, help, false);
    }

    RunnerOption(Section section, String name, String value, String help, boolean repeatable) {
        this.section = section;
        this.name = name;
        this.value = value;
        this.help = help;
        this.repeatable = repeatable;
    }

    boolean flag() {
        return value == null;
    }

    /** The store options every store-opening command takes. */
    static final List<RunnerOption> STORE_OPTIONS =
            List.of(STORE, DATA_FILE, TABLE, ENDPOINT_URL, REGION, CREATE_TABLE, RETENTION_DAYS, WRITE_SHARDS);
}
