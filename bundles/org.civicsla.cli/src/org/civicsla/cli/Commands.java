package org.civicsla.cli;

import java.util.List;

/** The commands of {@code civicsla}, in the order the overview lists them. */
final class Commands {

    private Commands() {
    }

    static List<Command> all() {
        return List.of(ReportCommand.run(), new VendorsCommand(), new ImportCommand(), new ExportCommand(), new LifecycleCommand(), new EndOfLifeCommand(), new ClausesCommand(), SearchCommand.index(), SearchCommand.search(), new CheckCommand(), new DiffCommand(), ReportCommand.report(), new VersionCommand());
    }
}
