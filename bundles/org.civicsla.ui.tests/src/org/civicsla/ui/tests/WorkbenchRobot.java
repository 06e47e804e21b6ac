package org.civicsla.ui.tests;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.civicsla.ui.parts.VendorsPart;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Scrollable;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.internal.workbench.swt.AbstractPartRenderer;
import org.osgi.framework.Bundle;

/**
 * Runs the real CivicSLA workbench (Application.e4xmi through E4Application) on a thread of its own
 * and drives it as a person would: real mouse and key events posted to the display, assertions on
 * what the widgets show. SWTBot is not available on Maven Central; this is the small part of it we need.
 */
final class WorkbenchRobot implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Thread uiThread;
    private final CompletableFuture<Object> exit = new CompletableFuture<>();
    private final AtomicReference<Display> display = new AtomicReference<>();

    private WorkbenchRobot(String[] args) throws InterruptedException {
        CountDownLatch displayReady = new CountDownLatch(1);
        uiThread = new Thread(() -> {
            try {
                // E4Application creates the display on the calling thread: this one becomes the UI thread.
                E4Application application = new E4Application();
                display.set(application.getApplicationDisplay());
                displayReady.countDown();
                exit.complete(application.start(new TestApplicationContext(args)));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            } finally {
                displayReady.countDown();
            }
        }, "civicsla-workbench-ui");
        uiThread.setDaemon(true);
        uiThread.start();
        if (!displayReady.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || display.get() == null) {
            throw new IllegalStateException("the workbench did not create a display", exit.isCompletedExceptionally()
                    ? exit.handle((v, e) -> e).getNow(null) : null);
        }
    }

    /** Starts the workbench with a clean model (no layout remembered from an earlier run). */
    static WorkbenchRobot start() throws InterruptedException {
        System.setProperty("applicationXMI", "org.civicsla.ui/Application.e4xmi");
        return new WorkbenchRobot(new String[] { "-clearPersistedState" });
    }

    Display display() {
        return display.get();
    }

    /** Runs {@code query} on the UI thread and returns its result. */
    <T> T ui(Supplier<T> query) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        display().syncExec(() -> {
            try {
                result.set(query.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** Waits until {@code condition}, evaluated on the UI thread, holds; fails with {@code what} otherwise. */
    void waitUntil(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            failIfExited();
            if (Boolean.TRUE.equals(ui(condition))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting until " + what);
    }

    /** The widget a part tagged with {@link VendorsPart#TEST_ID}, once it is shown. */
    <W extends Widget> W widget(String testId, Class<W> type) throws InterruptedException {
        AtomicReference<W> found = new AtomicReference<>();
        waitUntil("widget '" + testId + "' is shown", () -> {
            for (Shell shell : display().getShells()) {
                find(shell, w -> testId.equals(w.getData(VendorsPart.TEST_ID)) && type.isInstance(w))
                        .ifPresent(w -> found.set(type.cast(w)));
            }
            return found.get() != null && (!(found.get() instanceof Control c) || c.isVisible());
        });
        return found.get();
    }

    /** Clicks the tab titled {@code title} (a part in a stack), as a person brings a part to the front. */
    void clickTab(String title) throws InterruptedException {
        clickTab(title, 1);
    }

    /** Double-clicks the tab titled {@code title}: the workbench maximizes its stack, or restores it. */
    void doubleClickTab(String title) throws InterruptedException {
        clickTab(title, 2);
    }

    private void clickTab(String title, int clicks) throws InterruptedException {
        AtomicReference<org.eclipse.swt.custom.CTabItem> tab = new AtomicReference<>();
        waitUntil("a tab '" + title + "' is shown", () -> {
            for (Shell shell : display().getShells()) {
                find(shell, w -> w instanceof org.eclipse.swt.custom.CTabFolder folder && folder.isVisible()
                        && java.util.Arrays.stream(folder.getItems()).anyMatch(item -> item.getText().equals(title)))
                        .map(org.eclipse.swt.custom.CTabFolder.class::cast)
                        .flatMap(folder -> java.util.Arrays.stream(folder.getItems())
                                .filter(item -> item.getText().equals(title)).findFirst())
                        .ifPresent(tab::set);
            }
            return tab.get() != null;
        });
        org.eclipse.swt.custom.CTabFolder folder = ui(() -> tab.get().getParent());
        // Through the X server: a tab takes the press as the start of a possible drag of the part
        // (e4 lets parts be dragged between stacks), during which GTK refuses a posted release.
        Point centre = ui(() -> {
            org.eclipse.swt.graphics.Rectangle bounds = tab.get().getBounds();
            return folder.toDisplay(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
        });
        xdotool("mousemove", String.valueOf(centre.x), String.valueOf(centre.y), "click", "--repeat", String.valueOf(clicks), "1");
        waitUntil("the tab '" + title + "' is in front", () -> folder.getSelection() == tab.get());
    }

    private static Optional<Widget> find(Control control, Predicate<Widget> test) {
        if (test.test(control)) {
            return Optional.of(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Optional<Widget> hit = find(child, test);
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return Optional.empty();
    }

    /** Moves the mouse to the centre of {@code control} and clicks the left button. */
    void click(Control control) throws InterruptedException {
        Point centre = ui(() -> {
            control.getShell().forceActive();
            return visibleCentre(control); // scrolled into view first, as a person would
        });
        post(mouse(SWT.MouseMove, centre, 0));
        post(mouse(SWT.MouseDown, centre, 1));
        post(mouse(SWT.MouseUp, centre, 1));
        waitUntil("the click reached " + control, () -> control.isFocusControl() || !control.getEnabled()
                || !(control instanceof org.eclipse.swt.widgets.Text));
    }

    /**
     * Clicks the left button at a point given in {@code control}'s coordinates (e.g. a table row), in
     * the part of {@code area} that is visible: a wide column may reach beyond the table's edge.
     */
    void clickAt(Control control, org.eclipse.swt.graphics.Rectangle area) throws InterruptedException {
        Point centre = ui(() -> {
            control.getShell().forceActive();
            int left = Math.max(area.x, 0);
            int width = control instanceof Scrollable s ? s.getClientArea().width : control.getSize().x;
            int right = Math.min(area.x + area.width, width);
            return control.toDisplay((left + right) / 2, area.y + area.height / 2);
        });
        post(mouse(SWT.MouseMove, centre, 0));
        post(mouse(SWT.MouseDown, centre, 1));
        post(mouse(SWT.MouseUp, centre, 1));
    }

    /**
     * Drags {@code file} from another application onto {@code target}, as a person drops a file from
     * a file manager. SWT's {@link Display#post} cannot do this: GTK puts its events into this
     * process's queue, and a drop crosses processes through the X server, so the drag source is a
     * second GTK program ({@code dragsource.py}) and the pointer is moved by the X server's test
     * extension ({@code xdotool}). Returns what the drag source printed (for failure messages).
     */
    String dragFileFromAnotherApplication(java.nio.file.Path file, Control target) throws Exception {
        java.nio.file.Path script = java.nio.file.Files.createTempFile("dragsource", ".py");
        try (java.io.InputStream in = WorkbenchRobot.class.getResourceAsStream("dragsource.py")) {
            if (in == null) {
                throw new AssertionError("dragsource.py is missing from the test fragment");
            }
            java.nio.file.Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Point drop = ui(() -> visibleCentre(target));
        // The source's window sits in the top left corner, over the menu bar, away from any part.
        Process source = new ProcessBuilder(tool("python3", "python3-gi gir1.2-gtk-3.0"), script.toString(),
                file.toString(), "0", "0").redirectErrorStream(true).start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(source.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            // Its warnings (merged into the same stream) come before "ready" or instead of it.
            StringBuilder before = new StringBuilder();
            for (String line = out.readLine(); !"ready".equals(line); line = out.readLine()) {
                if (line == null) {
                    throw new AssertionError("the drag source did not start: " + before);
                }
                before.append(line).append('\n');
            }
            // Press on the source's button, move in steps (GTK starts a drag after a few pixels of
            // motion and follows the pointer), rest over the target so it can accept, release.
            java.util.List<String> command = new java.util.ArrayList<>(
                    java.util.List.of("mousemove", "60", "30", "sleep", "0.3", "mousedown", "1", "sleep", "0.3"));
            for (int step = 1; step <= 10; step++) {
                command.addAll(java.util.List.of("mousemove", String.valueOf(60 + (drop.x - 60) * step / 10),
                        String.valueOf(30 + (drop.y - 30) * step / 10), "sleep", "0.1"));
            }
            command.addAll(java.util.List.of("mousemove", String.valueOf(drop.x + 2), String.valueOf(drop.y + 2),
                    "sleep", "0.5", "getmouselocation", "mouseup", "1"));
            String pointer = xdotool(command.toArray(String[]::new));
            if (!source.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the drag did not end");
            }
            return drainLines(out) + " at " + drop + ", pointer " + pointer;
        } finally {
            source.destroyForcibly();
            java.nio.file.Files.deleteIfExists(script);
        }
    }

    /**
     * The centre of the part of {@code control} a person sees, in display coordinates: scrolled into
     * view first, then clipped by every parent (an editor's table may reach below its scroller).
     */
    private static Point visibleCentre(Control control) {
        for (Composite parent = control.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof org.eclipse.swt.custom.ScrolledComposite scrolled) {
                scrolled.showControl(control);
            }
        }
        Point origin = control.toDisplay(0, 0);
        Point size = control.getSize();
        org.eclipse.swt.graphics.Rectangle visible = new org.eclipse.swt.graphics.Rectangle(origin.x, origin.y, size.x, size.y);
        for (Composite parent = control.getParent(); parent != null; parent = parent.getParent()) {
            org.eclipse.swt.graphics.Rectangle area = parent.getClientArea();
            Point corner = parent.toDisplay(area.x, area.y);
            visible = visible.intersection(new org.eclipse.swt.graphics.Rectangle(corner.x, corner.y, area.width, area.height));
        }
        if (visible.isEmpty()) {
            throw new AssertionError(control + " is not visible");
        }
        return new Point(visible.x + visible.width / 2, visible.y + visible.height / 2);
    }

    /**
     * Replaces the text of {@code field} and presses Enter with key events from the X server's test
     * extension, as a keyboard types. Needed after a drop: GTK's drop handling leaves a hidden window
     * of its own (the one it receives the dropped data with) marked as focused, and
     * {@link Display#post} sends key events to the first window so marked, so they miss the workbench
     * (the real keyboard, which follows the X input focus, still reaches it).
     */
    void enterThroughXServer(org.eclipse.swt.widgets.Text field, String text) throws Exception {
        click(field);
        // One xdotool per command: 'key' and 'type' take every argument that follows as their own.
        xdotool("key", "ctrl+a");
        xdotool("type", "--delay", "30", text);
        xdotool("key", "Return");
    }

    /**
     * Runs xdotool with {@code arguments} (input through the X server's test extension), lets the display
     * catch up and returns what xdotool printed.
     */
    private String xdotool(String... arguments) throws InterruptedException {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of(arguments));
        line.add(0, tool("xdotool", "xdotool"));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("xdotool " + java.util.List.of(arguments) + " failed: " + output);
            }
            drain();
            return output.strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String drainLines(java.io.BufferedReader out) throws java.io.IOException {
        StringBuilder lines = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.append(line).append('\n');
        }
        return lines.toString().strip();
    }

    /** The path of a program the drag needs, or a failure that says which Debian packages provide it. */
    private static String tool(String name, String packages) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            java.nio.file.Path candidate = java.nio.file.Path.of(dir, name);
            if (java.nio.file.Files.isExecutable(candidate) && (!name.equals("python3") || hasGtk(candidate))) {
                return candidate.toString();
            }
        }
        if (name.equals("python3") && hasGtk(java.nio.file.Path.of("/usr/bin/python3"))) {
            return "/usr/bin/python3";
        }
        throw new AssertionError("dropping a file needs " + name + " (apt-get install " + packages
                + "; .ci/run installs it)");
    }

    private static boolean hasGtk(java.nio.file.Path python) {
        try {
            Process probe = new ProcessBuilder(python.toString(), "-c",
                    "import gi; gi.require_version('Gtk', '3.0'); from gi.repository import Gtk")
                    .redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Types {@code text} key by key (lower-case letters, digits, space and punctuation without shift). */
    void type(String text) throws InterruptedException {
        for (char c : text.toCharArray()) {
            Event down = new Event();
            down.type = SWT.KeyDown;
            down.character = c;
            down.keyCode = c == '\r' ? SWT.CR : c;
            post(down);
            Event up = new Event();
            up.type = SWT.KeyUp;
            up.character = c;
            up.keyCode = c == '\r' ? SWT.CR : c;
            post(up);
        }
        // Let the display dispatch the events before the caller looks at the result.
        ui(() -> {
            while (display().readAndDispatch()) {
                // drain
            }
            return null;
        });
    }

    /** Presses and releases one key, e.g. {@code SWT.END}, {@code SWT.BS}, {@code SWT.ESC}. */
    void key(int keyCode) throws InterruptedException {
        for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
            Event event = new Event();
            event.type = type;
            event.keyCode = keyCode;
            post(event);
        }
        drain();
    }

    /** Presses {@code c} with Ctrl held down, as a person types a shortcut such as Ctrl+Z. */
    void ctrl(char c) throws InterruptedException {
        withModifier(SWT.CTRL, c);
    }

    /** Presses {@code c} with Alt held down, as a person opens a menu by its mnemonic (Alt+F: File). */
    void alt(char c) throws InterruptedException {
        withModifier(SWT.ALT, c);
    }

    private void withModifier(int modifier, char c) throws InterruptedException {
        Event down = new Event();
        down.type = SWT.KeyDown;
        down.keyCode = modifier;
        post(down);
        for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
            Event event = new Event();
            event.type = type;
            event.character = c;
            event.keyCode = c;
            post(event);
        }
        Event up = new Event();
        up.type = SWT.KeyUp;
        up.keyCode = modifier;
        post(up);
        drain();
    }

    /** Empties a text field as a person does: End, then Backspace until nothing is left. */
    void clear(org.eclipse.swt.widgets.Text field) throws InterruptedException {
        click(field);
        key(SWT.END);
        int length = ui(() -> field.getText().length());
        for (int i = 0; i < length; i++) {
            key(SWT.BS);
        }
        waitUntil("the field is empty", () -> field.getText().isEmpty());
    }

    /** The workbench's application context, where the workbench's services and models live. */
    org.eclipse.e4.core.contexts.IEclipseContext applicationContext() {
        return ui(() -> {
            for (Shell shell : display().getShells()) {
                if (shell.getData(AbstractPartRenderer.OWNING_ME) instanceof MWindow window) {
                    return window.getContext().getParent();
                }
            }
            throw new IllegalStateException("no workbench window is open");
        });
    }

    private void drain() {
        ui(() -> {
            while (display().readAndDispatch()) {
                // drain
            }
            return null;
        });
    }

    private static Event mouse(int type, Point where, int button) {
        Event event = new Event();
        event.type = type;
        event.x = where.x;
        event.y = where.y;
        event.button = button;
        return event;
    }

    private void post(Event event) throws InterruptedException {
        boolean posted = ui(() -> display().post(event));
        // GTK refuses a button event while it cannot name the window under the pointer, e.g. for the
        // moment a part relayouts after a click; a person's button would wait for that moment as well.
        for (int retry = 0; !posted && retry < 40; retry++) {
            Thread.sleep(50);
            drain();
            posted = ui(() -> display().post(event));
        }
        if (!posted) {
            throw new AssertionError("the display refused the input event " + event);
        }
        Thread.sleep(15);
    }

    private void failIfExited() {
        if (exit.isDone()) {
            Object result = exit.handle((value, error) -> error != null ? error : value).join();
            throw new AssertionError("the workbench exited: " + result);
        }
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone() && !display().isDisposed()) {
            display().asyncExec(() -> {
                // Close through the workbench, as File > Quit does, so the model is saved like in a real run.
                for (Shell shell : display().getShells()) {
                    if (shell.getData(AbstractPartRenderer.OWNING_ME) instanceof MWindow window) {
                        window.getContext().get(IWorkbench.class).close();
                        return;
                    }
                }
            });
        }
        exit.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The application context E4Application reads its arguments and branding from. */
    private record TestApplicationContext(String[] args) implements IApplicationContext {
        @Override
        public Map<String, Object> getArguments() {
            return Map.of(IApplicationContext.APPLICATION_ARGS, args);
        }

        @Override
        public void applicationRunning() {
        }

        @Override
        public String getBrandingApplication() {
            return null;
        }

        @Override
        public String getBrandingName() {
            return "CivicSLA";
        }

        @Override
        public String getBrandingDescription() {
            return null;
        }

        @Override
        public String getBrandingId() {
            return null;
        }

        @Override
        public String getBrandingProperty(String key) {
            return null;
        }

        @Override
        public Bundle getBrandingBundle() {
            return null;
        }

        @Override
        public void setResult(Object result, org.eclipse.equinox.app.IApplication application) {
        }
    }
}
