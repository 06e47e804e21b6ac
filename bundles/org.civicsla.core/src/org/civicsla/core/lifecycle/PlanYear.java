package org.civicsla.core.lifecycle;

import java.math.BigDecimal;

/** Devices due for replacement in one calendar year, and what replacing them costs. */
public record PlanYear(int year, int devices, BigDecimal cost) {
}
