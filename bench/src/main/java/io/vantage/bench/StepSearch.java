package io.vantage.bench;

import java.util.function.DoublePredicate;

/**
 * A short, bounded search for the highest passing rate: doubles from the start rate while steps pass (halves while
 * they fail, when the first fails), then bisects between the best pass and the lowest fail a few times.
 */
final class StepSearch {

    private StepSearch() {
    }

    /**
     * @param step      runs one step at the given rate; true when it passed
     * @param maxSteps  the most steps in total
     * @param refine    bisection steps after the bracket is found
     * @return the highest passing rate, or 0 when none passed
     */
    static double run(double startRate, int maxSteps, int refine, DoublePredicate step) {
        double best = 0;
        double lowestFail = Double.POSITIVE_INFINITY;
        double rate = startRate;
        int steps = 0;
        while (steps < maxSteps) {
            steps++;
            if (step.test(rate)) {
                best = Math.max(best, rate);
                if (lowestFail < Double.POSITIVE_INFINITY) {
                    break;
                }
                rate *= 2;
            } else {
                lowestFail = Math.min(lowestFail, rate);
                if (best > 0) {
                    break;
                }
                rate /= 2;
            }
        }
        for (int i = 0; i < refine && steps < maxSteps + refine && best > 0 && lowestFail < Double.POSITIVE_INFINITY;
                i++) {
            steps++;
            double middle = Math.round((best + lowestFail) / 2 / 100) * 100.0;
            if (middle <= best || middle >= lowestFail) {
                break;
            }
            if (step.test(middle)) {
                best = middle;
            } else {
                lowestFail = middle;
            }
        }
        return best;
    }
}
