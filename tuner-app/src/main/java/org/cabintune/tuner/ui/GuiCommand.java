package org.cabintune.tuner.ui;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cabintune gui}: the desktop tuner, or with {@code --screenshot} a picture of it. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"The desktop tuner: plots (frequency response, impulse, phase, group delay, distortion),",
                "the EQ editor and time alignment, in a light or dark theme."},
        footer = {"", "Anything given on the command line is opened as the File menu would open it.", "",
                "Examples:", "  cabintune gui", "  cabintune gui --calibration out/demo --tab eq --theme dark",
                "  cabintune gui --cabin sedan --target calibration/targets/car-default.txt \\",
                "      --screenshot plots.png --tab plots", ""})
public final class GuiCommand implements Callable<Integer> {

    @Option(names = "--theme", paramLabel = "T", defaultValue = "light", description = "light or dark (default ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--tab", paramLabel = "NAME",
            description = "The tab to show: unit, profiles, meters, audition, measure, plots, eq, alignment (default: the first).")
    String tab;

    @Option(names = "--screenshot", paramLabel = "FILE.png",
            description = "Save a picture of the window once everything given is open and drawn, then exit.")
    Path screenshot;

    @Option(names = "--screenshot-all", paramLabel = "DIR",
            description = "Save every tab in both themes as DIR/TAB-THEME.png (switching the theme as the View menu does), then exit.")
    Path screenshotAll;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "120",
            description = "With --screenshot or --screenshot-all: give up after this long (default ${DEFAULT-VALUE} s).")
    double timeoutSeconds;

    @Option(names = "--measurement", paramLabel = "FR.txt", description = "Open a REW text export; repeat for more.")
    List<Path> measurements = new ArrayList<>();

    @Option(names = "--target", paramLabel = "T.txt", description = "Open a target curve.")
    Path target;

    @Option(names = "--calibration", paramLabel = "DIR", description = "Open what 'cabintune calibrate' or 'demo' wrote.")
    Path calibration;

    @Option(names = "--cabin", paramLabel = "CAR", description = "Measure a virtual car (a name under calibration/cabins or a file).")
    String cabin;

    @Option(names = "--speaker", paramLabel = "NAME", description = "With --cabin: the speaker (default: its first mid-woofer).")
    String speaker;

    @Option(names = "--seat", paramLabel = "NAME", defaultValue = "driver", description = "With --cabin: the seat (default ${DEFAULT-VALUE}).")
    String seat;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Theme look;
        try {
            look = Theme.parse(theme);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--theme: " + e.getMessage());
        }
        Path home = Path.of(System.getProperty("cabintune.home", ".")).toAbsolutePath().normalize();
        List<MainWindow.Tab> tabs = Tabs.all(home);
        if (tab != null && !MainWindow.ids(tabs).contains(tab)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tab: no tab '" + tab + "'; tabs are "
                    + String.join(", ", MainWindow.ids(tabs)));
        }
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("there is no display to open a window on: set DISPLAY (or run under Xvfb)");
        }
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        } catch (AWTError e) {
            throw new IllegalStateException("cannot open a window: " + e.getMessage(), e);
        }
        Path cabinFile = cabin == null ? null : cabinFile(home, cabin);
        if (screenshot != null && screenshotAll != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--screenshot and --screenshot-all: give one");
        }
        boolean pictures = screenshot != null || screenshotAll != null;
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<MainWindow> made = new AtomicReference<>();
        onEdt(() -> {
            look.apply();
            MainWindow window = new MainWindow(new Workspace(home), tabs, pictures ? errors::add : null);
            made.set(window);
            window.frame().addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    closed.countDown();
                }
            });
            if (tab != null) {
                window.select(tab);
            }
            window.frame().setVisible(true);
            open(window.opener(), cabinFile);
        });
        if (!pictures) {
            closed.await();
            return 0;
        }
        List<Path> written;
        try {
            written = screenshot != null ? List.of(screenshot)
                    : Screenshot.takeAll(made.get(), MainWindow.ids(tabs), screenshotAll, timeoutSeconds);
            if (screenshot != null) {
                Screenshot.take(made.get(), screenshot, timeoutSeconds);
            }
        } finally {
            onEdt(() -> made.get().frame().dispose());
        }
        PrintWriter err = spec.commandLine().getErr();
        errors.forEach(err::println);
        err.flush();
        written.forEach(f -> spec.commandLine().getOut().println("wrote " + f));
        spec.commandLine().getOut().flush();
        return errors.isEmpty() ? 0 : 1;
    }

    private void open(Opener opener, Path cabinFile) {
        if (calibration != null) {
            opener.calibration(calibration);
        }
        if (!measurements.isEmpty()) {
            opener.measurements(measurements);
        }
        if (cabinFile != null) {
            opener.virtualCar(cabinFile, speaker, seat);
        }
        if (target != null) {
            opener.target(target);
        }
    }

    /** A car's file: a path that exists, or a name under calibration/cabins. */
    private Path cabinFile(Path home, String car) {
        Path direct = Path.of(car);
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        Path named = home.resolve("calibration").resolve("cabins").resolve(car + ".yaml");
        if (Files.isRegularFile(named)) {
            return named;
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--cabin: '" + car + "' is neither a file nor a car"
                + " under " + named.getParent());
    }

    private static void onEdt(Runnable r) throws InterruptedException {
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(Messages.readable(e), e);
        }
    }
}
