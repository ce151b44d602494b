package com.tttools.app.support;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the seed of the random test order at the start of every test JVM, so that a failure that depends on order
 * can be replayed with {@code -Dtest.seed=<seed>} (app/pom.xml passes it to surefire, failsafe and JUnit).
 */
public class TestOrderSeed implements TestExecutionListener {

    static final String SEED = "junit.jupiter.execution.order.random.seed";

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        testPlan.getConfigurationParameters().get(SEED).ifPresent(seed ->
                System.out.println("Test order seed: " + seed + " (replay this order with -Dtest.seed=" + seed + ")"));
    }
}
