package org.jiaokan.site;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Headless Chromium for the site's browser tests, driven by Selenium through Debian's
 * {@code chromium} and {@code chromium-driver} packages ({@code .ci/run} installs them).
 *
 * <p>The driver and the browser are named explicitly, so Selenium Manager never runs (it would
 * try to download a driver or a browser); {@code SE_OFFLINE} is set as well in case a later
 * Selenium calls it anyway. Where either program is absent, {@link #open()} skips the test with a
 * message (a JUnit assumption), it does not fail it.
 *
 * <p>Other locations: system properties {@code jiaokan.chromium} and {@code jiaokan.chromedriver},
 * or the environment variables {@code JIAOKAN_CHROMIUM} and {@code JIAOKAN_CHROMEDRIVER}.
 */
public final class Browser implements AutoCloseable {

    /** Where the browser is looked for (read at each call, so a test may point it elsewhere). */
    public static Path chromium() {
        return location("jiaokan.chromium", "JIAOKAN_CHROMIUM", "/usr/bin/chromium");
    }

    public static Path chromedriver() {
        return location("jiaokan.chromedriver", "JIAOKAN_CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Path location(String property, String env, String fallback) {
        String p = System.getProperty(property);
        if (p == null || p.isBlank()) p = System.getenv(env);
        return Path.of(p == null || p.isBlank() ? fallback : p);
    }

    /** Skips the calling test, with a message, unless Chromium and its driver are installed. */
    public static void assumeAvailable() {
        Path browser = chromium();
        Path driver = chromedriver();
        Assumptions.assumeTrue(Files.isExecutable(browser), () -> "skipped: no Chromium at " + browser
                + " (Debian: apt-get install chromium chromium-driver; .ci/run installs both)");
        Assumptions.assumeTrue(Files.isExecutable(driver), () -> "skipped: no chromedriver at " + driver
                + " (Debian: apt-get install chromium-driver; .ci/run installs it)");
    }

    /** A new headless browser (1280×900), or the test is skipped when there is none. */
    public static Browser open() {
        return open(1280, 900);
    }

    public static Browser open(int width, int height) {
        assumeAvailable();
        System.setProperty("SE_OFFLINE", "true");
        Path browser = chromium();
        Path driverPath = chromedriver();
        System.setProperty("webdriver.chrome.driver", driverPath.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("jiaokan-chromium-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile, "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                // No traffic of the browser's own: the pages under test are local.
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                "--metrics-recording-only", "--lang=en-US");
        // Chromium's sandbox does not start for root (CI runs as root).
        if ("root".equals(System.getProperty("user.name"))) options.addArguments("--no-sandbox");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverPath.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a URL (http: or file:). */
    public Browser get(String url) {
        driver.get(url);
        return this;
    }

    /** Opens a local file as a {@code file://} page. */
    public Browser get(Path file) {
        return get(file.toAbsolutePath().toUri().toString());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Runs JavaScript in the page and returns its result. */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a PNG of the viewport to {@code file} (folders created) and returns it. */
    public Path screenshot(Path file) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A profile left in the temporary folder is harmless.
            }
        }
    }
}
