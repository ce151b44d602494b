package com.tttools.simulator;

/** Placeholder until the benchmark lands. */
final class SimulatorBenchmark {
    private SimulatorBenchmark() {
    }

    static void main(String[] args) {
        throw new UnsupportedOperationException("benchmark not written yet");
    }
}
