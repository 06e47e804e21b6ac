package org.civicsla.store;

import java.nio.file.Path;

import org.civicsla.core.store.WorkspaceStore;
import org.civicsla.core.store.WorkspaceStoreFactory;
import org.osgi.service.component.annotations.Component;

/** Offers the H2 store to the workbench and the command line as a {@link WorkspaceStoreFactory} service. */
@Component(service = WorkspaceStoreFactory.class)
public final class H2WorkspaceStoreFactory implements WorkspaceStoreFactory {

    @Override
    public WorkspaceStore open(Path folder) {
        return H2WorkspaceStore.open(folder);
    }
}
