package io.flowstate.engine.runtime;

class InMemoryExecutionStoreTest extends ExecutionStoreContract {
    @Override
    protected ExecutionStore newStore() {
        return new InMemoryExecutionStore();
    }
}
