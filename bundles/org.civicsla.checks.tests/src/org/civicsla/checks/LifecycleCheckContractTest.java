package org.civicsla.checks;

import org.civicsla.checks.tck.CheckContractTest;
import org.civicsla.core.check.Check;

class LifecycleCheckContractTest extends CheckContractTest {
    @Override
    protected Check createCheck() {
        return new LifecycleCheck();
    }
}
