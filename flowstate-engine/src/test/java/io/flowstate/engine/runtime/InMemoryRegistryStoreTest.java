package io.flowstate.engine.runtime;

class InMemoryRegistryStoreTest extends RegistryStoreContract {
    @Override
    protected RegistryStore newStore() {
        return new InMemoryRegistryStore();
    }
}
