package org.civicsla.cli;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** OSGi services for the commands: Declarative Services activates them on first use, so wait a little. */
final class Services {

    private static final long WAIT_MILLIS = TimeUnit.SECONDS.toMillis(20);

    private Services() {
    }

    static <S> S get(Class<S> type) {
        Bundle bundle = FrameworkUtil.getBundle(Services.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            throw new IllegalStateException("the command line runs outside OSGi; no " + type.getSimpleName());
        }
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(WAIT_MILLIS);
            if (service == null) {
                throw new IllegalStateException("no " + type.getName() + " service is installed");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + type.getName(), e);
        }
    }
}
