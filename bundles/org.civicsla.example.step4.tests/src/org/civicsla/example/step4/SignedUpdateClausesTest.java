package org.civicsla.example.step4;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.civicsla.index.clauses.ClauseDetection;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.clauses.ClauseDetectors;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The plugin's own clause type reaches the detector CivicSLA indexes with, through DS, and finds signed updates. */
class SignedUpdateClausesTest {

    private static Map<String, ClauseDetection> detect(ClauseDetector detector, String text) {
        return detector.detect(text).stream().collect(Collectors.toMap(ClauseDetection::category, d -> d));
    }

    @Test
    void theInstalledPluginsClauseTypeIsDetected() throws Exception {
        ServiceTracker<ClauseDetectors, ClauseDetectors> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(SignedUpdateClausesTest.class).getBundleContext(), ClauseDetectors.class, null);
        tracker.open();
        try {
            ClauseDetectors detectors = tracker.waitForService(20_000);
            assertNotNull(detectors, "the index bundle's ClauseDetectors service");
            ClauseDetector detector = detectors.with(List.of());
            assertTrue(detector.taxonomy().types().stream().anyMatch(t -> t.name().equals(SecureUpdatesCheck.SIGNED)),
                    detector.taxonomy().version());
            assertTrue(detect(detector, "The Supplier shall deliver only digitally signed firmware updates to the devices.")
                    .get(SecureUpdatesCheck.SIGNED).present());
            assertTrue(detect(detector, "Each device verifies the signature of every software update before installing it.")
                    .get(SecureUpdatesCheck.SIGNED).present());
            assertFalse(detect(detector, "This Agreement is signed by both parties and updates the 2019 agreement.")
                    .get(SecureUpdatesCheck.SIGNED).present());
        } finally {
            tracker.close();
        }
    }
}
