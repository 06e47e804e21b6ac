package org.civicsla.core.model;

/** Which life-cycle date counts as the end of a device's supported life. */
public enum Milestone {
    END_OF_SUPPORT, END_OF_SECURITY_UPDATES
}
