package org.civicsla.core.model;

public enum ContractStatus {
    DRAFT, ACTIVE, EXPIRED, TERMINATED
}
