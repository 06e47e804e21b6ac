package org.civicsla.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.store.ChangeSet;
import org.civicsla.core.store.WorkspaceStore;
import org.civicsla.core.store.WorkspaceStoreFactory;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** A procurement officer opens a workspace and narrows the vendor list by typing in its filter. */
class VendorsViewUiTest {

    @TempDir
    Path workspace;

    @AfterEach
    void forgetWorkspace() {
        System.clearProperty("civicsla.workspace");
    }

    @Test
    void typingInTheFilterNarrowsTheVendorList() throws Exception {
        try (WorkspaceStore store = service(WorkspaceStoreFactory.class).open(workspace)) {
            store.apply(new ChangeSet(List.of(
                    new Vendor("V-001", "Lumen Streetlights", "Street lighting", Criticality.HIGH, List.of()),
                    new Vendor("V-002", "Northgate Networks", "Network equipment", Criticality.CRITICAL, List.of()),
                    new Vendor("V-003", "Civic Cloud Services", "Cloud hosting", Criticality.MEDIUM, List.of())),
                    List.of(), List.of(), List.of(), List.of()));
        }
        System.setProperty("civicsla.workspace", workspace.toString());

        try (WorkbenchRobot robot = WorkbenchRobot.start()) {
            Table table = robot.widget("vendors.table", Table.class);
            robot.waitUntil("the three vendors of the workspace are listed", () -> table.getItemCount() == 3);
            Label status = robot.widget("vendors.status", Label.class);
            assertEquals("3 vendors", robot.ui(status::getText));

            Text filter = robot.widget("vendors.filter", Text.class);
            robot.click(filter);
            robot.type("north");

            robot.waitUntil("only the matching vendor is listed",
                    () -> table.getItemCount() == 1 && table.getItem(0).getText(1).equals("Northgate Networks"));
            assertEquals("1 of 3 vendors", robot.ui(status::getText));
            assertEquals("north", robot.ui(filter::getText));

            Label counts = robot.widget("workspace.counts", Label.class);
            assertTrue(robot.ui(counts::getText).startsWith("3 vendors, 0 contracts"), robot.ui(counts::getText));
        }
    }

    private static <S> S service(Class<S> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(VendorsViewUiTest.class).getBundleContext();
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        if (service == null) {
            throw new AssertionError("no " + type.getName() + " service was registered");
        }
        return service;
    }
}
