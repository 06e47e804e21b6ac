package org.civicsla.io;

/** Receives the data rows of an import file, sheet by sheet. */
interface TableSink {

    void row(Entity entity, Row row);
}
