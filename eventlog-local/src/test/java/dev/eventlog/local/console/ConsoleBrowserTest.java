package dev.eventlog.local.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's headless Chromium driven through its own chromedriver, both named by
 * path so that nothing is looked up or downloaded while the tests run.
 */
class ConsoleBrowserTest {

    private static final String INSTALL = "sudo apt-get update && sudo apt-get install -y chromium chromium-driver";
    private static final String DAY = "2024-05-06";

    private static ChromeDriverService service;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        java.util.Optional<Path> chromium = LocalBrowser.find(
                "CHROME_BIN", List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"));
        java.util.Optional<Path> chromedriver = LocalBrowser.find("CHROMEDRIVER", List.of("chromedriver"));
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String missing = "the console's browser test needs Chromium (or Chrome) and its chromedriver, found by"
                    + " $CHROME_BIN / $CHROMEDRIVER, the PATH or /usr/bin; install them with: " + INSTALL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: " + missing);
            }
            System.err.println("WARNING: skipping ConsoleBrowserTest: " + missing);
            org.junit.jupiter.api.Assumptions.assumeTrue(false, missing);
        }
        profile = Files.createTempDirectory("eventlog-console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1900",
                "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.get().toString()))
                .usingAnyFreePort()
                .build();
        try {
            browser = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteProfile();
        }
    }

    @Test
    void recordBrowsePageFilterChartAndFieldErrors_inARealBrowser() throws Exception {
        try (ServedConsole served = ServedConsole.start()) {
            browser.get(served.consoleUrl());
            // The page loads today's events at once: an answer, even an empty one, proves CORS lets it in.
            waitForText("loaded-count", "events loaded");

            Map<String, String[]> events = new LinkedHashMap<>();
            events.put("01:15:00.000", new String[] {"alice", "login", "plan", "pro"});
            events.put("01:40:00.000", new String[] {"bob", "view"});
            events.put("03:05:00.000", new String[] {"alice", "logout"});
            events.put("03:10:00.000", new String[] {"carol", "login"});
            events.put("03:59:59.999", new String[] {"alice", "view"});
            for (Map.Entry<String, String[]> event : events.entrySet()) {
                record(event.getKey(), event.getValue());
                waitForText("record-result", "Recorded (201 Created)");
                waitForText("record-result", "/events/" + DAY + "/" + event.getKey());
            }

            showDay(DAY);
            new Select(byId("order")).selectByValue("desc");
            type("limit", "2");
            byId("load").click();
            waitForText("loaded-count", "2 events loaded; more remain");
            assertEquals(List.of("03:59:59.999", "03:10:00.000"), shownTimes());

            byId("next-page").click();
            waitForText("loaded-count", "4 events loaded; more remain");
            byId("next-page").click();
            waitForText("loaded-count", "5 events loaded; that is all");
            assertEquals(
                    List.of("03:59:59.999", "03:10:00.000", "03:05:00.000", "01:40:00.000", "01:15:00.000"),
                    shownTimes());
            assertFalse(byId("next-page").isEnabled());

            Map<String, Integer> perHour = barCounts();
            assertEquals(24, perHour.size());
            assertEquals(2, perHour.get("01"));
            assertEquals(3, perHour.get("03"));
            assertEquals(
                    5, perHour.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(
                    byId("chart-note").getText().contains("5 events loaded"),
                    byId("chart-note").getText());
            new Select(byId("chart-zoom")).selectByValue("03");
            Map<String, Integer> perMinute = barCounts();
            assertEquals(60, perMinute.size());
            assertEquals(Map.of("05", 1, "10", 1, "59", 1), nonZero(perMinute));
            new Select(byId("chart-zoom")).selectByValue("");

            // The keyboard opens a row as a click does.
            rows().get(0).sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-json")));
            JsonObject newest =
                    JsonParser.parseString(byId("event-json").getText()).getAsJsonObject();
            assertEquals("03:59:59.999", newest.get("time").getAsString());
            assertEquals("alice", newest.get("userId").getAsString());
            assertTrue(
                    byId("permalink").getText().startsWith("/events/" + DAY + "/03:59:59.999"),
                    byId("permalink").getText());
            rows().get(4).click();
            waitForText("event-json", "\"plan\": \"pro\"");
            String permalink = "/events/" + DAY + "/01:15:00.000";
            JsonObject oldest =
                    JsonParser.parseString(byId("event-json").getText()).getAsJsonObject();
            if (oldest.has("eventId")) {
                permalink += "/" + oldest.get("eventId").getAsString();
            }
            assertEquals(permalink, byId("permalink").getText());
            saveScreenshot("console.png");

            type("filter-user", "alice");
            new Select(byId("order")).selectByValue("asc");
            type("limit", "100");
            byId("load").click();
            waitForText("loaded-count", "3 events loaded; that is all");
            assertEquals(List.of("01:15:00.000", "03:05:00.000", "03:59:59.999"), shownTimes());
            assertEquals(
                    List.of("alice"),
                    rows().stream().map(row -> cells(row).get(1)).distinct().toList());

            type("filter-user", "");
            byId("view-range").click();
            setValue("from", DAY + "T03:00");
            setValue("to", DAY + "T04:00");
            byId("load").click();
            waitForText("loaded-count", "3 events loaded; that is all");
            assertEquals(List.of("03:05:00.000", "03:10:00.000", "03:59:59.999"), shownTimes());

            type("limit", "5000");
            byId("load").click();
            waitForText("browse-error", "refused the request as invalid (400)");
            assertTrue(
                    byId("browse-error").getText().contains("limit"),
                    byId("browse-error").getText());
            type("limit", "100");
            byId("load").click();
            waitForText("loaded-count", "3 events loaded; that is all");
            assertFalse(byId("browse-error").isDisplayed());

            type("record-date", "2024-02-30");
            type("record-time", "10:00:00");
            type("record-user", "dave");
            type("record-type", "login");
            byId("record").click();
            waitForText("record-result", "refused the request as invalid (400)");
            assertTrue(
                    byId("record-result").getText().contains("date:"),
                    byId("record-result").getText());
            assertEquals("true", byId("record-date").getDomAttribute("aria-invalid"));
            assertFalse(byId("record-date-error").getText().isBlank());
            assertEquals("", byId("record-user-error").getText());
            saveScreenshot("console-field-error.png");
        }
    }

    @Test
    void theConsoleOpensOnTheNewestDayWithEvents_andADateInItsAddressWins() throws Exception {
        try (ServedConsole served = ServedConsole.start()) {
            served.post("{\"date\":\"2024-06-01\",\"time\":\"09:30:00\",\"userId\":\"alice\",\"eventType\":\"login\"}");
            served.post("{\"date\":\"2024-06-01\",\"time\":\"10:00:00\",\"userId\":\"bob\",\"eventType\":\"view\"}");
            browser.get(served.consoleUrl());
            waitForText("loaded-count", "2 events loaded");
            assertEquals("2024-06-01", byId("day").getDomProperty("value"));
            assertEquals(List.of("2024-06-01 09:30:00.000", "2024-06-01 10:00:00.000"), shownDateTimes());

            // An older event, years before: a search from any event it finds first still ends on the newest day.
            served.post("{\"date\":\"2021-03-04\",\"time\":\"08:00:00\",\"userId\":\"carol\",\"eventType\":\"view\"}");
            browser.get(served.consoleUrl());
            waitForText("loaded-count", "2 events loaded");
            assertEquals("2024-06-01", byId("day").getDomProperty("value"));

            browser.get(served.consoleUrl() + "?date=2021-03-04");
            waitForText("loaded-count", "1 event loaded");
            assertEquals("2021-03-04", byId("day").getDomProperty("value"));
        }
    }

    /**
     * Draws the documentation's picture of the console anew, only when asked to, from the first events a reader
     * records: {@code mvn -B -pl eventlog-local -am verify -Dsurefire.failIfNoSpecifiedTests=false
     * -Dtest='ConsoleBrowserTest#screenshot*' -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false
     * -Deventlog.screenshot=$PWD/docs/console.png}.
     */
    @Test
    @EnabledIfSystemProperty(named = "eventlog.screenshot", matches = ".+")
    void screenshotOfADayOfEvents_forTheDocumentation() throws Exception {
        Dimension window = browser.manage().window().getSize();
        try (ServedConsole served = ServedConsole.start()) {
            for (String event : List.of(
                    "{\"date\":\"2024-06-01\",\"time\":\"09:30:00\",\"userId\":\"alice\",\"eventType\":\"login\","
                            + "\"attributes\":{\"page\":\"/home\"}}",
                    "{\"date\":\"2024-06-01\",\"time\":\"09:30:00.000\",\"eventId\":\"order-42\",\"userId\":\"bob\","
                            + "\"eventType\":\"purchase\"}",
                    "{\"timestamp\":\"2024-06-01T18:30:00.123456+09:00\",\"userId\":\"carol\",\"eventType\":\"view\"}",
                    "{\"date\":\"2024-06-01\",\"time\":\"10:00:00\",\"userId\":\"alice\",\"eventType\":\"view\"}",
                    "{\"date\":\"2024-06-01\",\"time\":\"10:05:00\",\"userId\":\"carol\",\"eventType\":\"view\","
                            + "\"attributes\":{\"page\":\"/home\"}}")) {
                served.post(event);
            }
            browser.manage().window().setSize(new Dimension(1280, 1500));
            browser.get(served.consoleUrl());
            waitForText("loaded-count", "5 events loaded");
            rows().get(0).click();
            waitForText("event-json", "9ef0ac048c9a4d0d");
            Path target = Path.of(System.getProperty("eventlog.screenshot"));
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    @Test
    void anEmptyLog_opensOnToday() throws Exception {
        try (ServedConsole served = ServedConsole.start()) {
            browser.get(served.consoleUrl());
            waitForText("loaded-count", "0 events loaded");
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            String shown = byId("day").getDomProperty("value");
            // Midnight UTC may pass between the page's clock reading and this one.
            assertTrue(
                    shown.equals(today)
                            || shown.equals(java.time.LocalDate.parse(today)
                                    .minusDays(1)
                                    .toString()),
                    shown);
        }
    }

    @Test
    void originsThatExcludeTheConsole_areExplainedOnThePage() throws Exception {
        try (ServedConsole served = ServedConsole.start("--cors-allow-origins", "https://app.example")) {
            browser.get(served.consoleUrl());
            waitForText("browse-error", "CORS configuration does not allow this page's origin");
            assertTrue(byId("browse-error").getText().contains("--cors-allow-origins"));
        }
    }

    @Test
    void withIam_thePageSaysItCannotSign_andOffersNoControls() throws Exception {
        try (ServedConsole served = ServedConsole.start(
                "--iam", "--iam-access-key", "AKIDCONSOLETEST", "--iam-secret-key", "console-test-secret")) {
            browser.get(served.consoleUrl());
            waitForText("notice", "IAM (SigV4) is on");
            assertTrue(
                    byId("notice").getText().contains("without --iam"),
                    byId("notice").getText());
            assertFalse(byId("load").isEnabled());
            assertFalse(byId("record").isEnabled());
        }
    }

    private static WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private static void waitForText(String id, String text) {
        wait.withMessage(() -> "#" + id + " never showed '" + text + "'; it shows '" + byId(id).getText() + "'")
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private static void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    private static void record(String time, String[] event) {
        type("record-date", DAY);
        type("record-time", time);
        type("record-user", event[0]);
        type("record-type", event[1]);
        type("attribute-name-1", event.length > 2 ? event[2] : "");
        type("attribute-value-1", event.length > 2 ? event[3] : "");
        byId("record").click();
    }

    private static void showDay(String day) {
        setValue("day", day);
    }

    /** Sets a date or date-time picker; typing into one depends on the browser's locale, its value does not. */
    private static void setValue(String id, String value) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                        byId(id),
                        value);
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#events-body tr"));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<String> shownDateTimes() {
        return rows().stream().map(row -> cells(row).get(0)).toList();
    }

    private static List<String> shownTimes() {
        return rows().stream()
                .map(row -> cells(row).get(0).substring(DAY.length() + 1))
                .toList();
    }

    private static Map<String, Integer> barCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (WebElement bar : browser.findElements(By.cssSelector("#chart rect.bar"))) {
            counts.put(bar.getDomAttribute("data-bucket"), Integer.parseInt(bar.getDomAttribute("data-count")));
        }
        return counts;
    }

    private static Map<String, Integer> nonZero(Map<String, Integer> counts) {
        Map<String, Integer> kept = new LinkedHashMap<>(counts);
        kept.values().removeIf(count -> count == 0);
        return kept;
    }

    private static void saveScreenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        // Best effort: a browser process still shutting down may add or remove files while they are walked.
        try (Stream<Path> paths = Files.walk(profile)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete the browser profile " + profile + ": " + e);
        }
    }
}
