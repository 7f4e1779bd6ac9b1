package org.codedesk.casecoding.learning;

/** Turns a candidate's features into the probability that a coder would assign the code. Thread-safe. */
interface Ranker {

    double probability(double[] features);

    /** A short description for the benchmark's report. */
    String describe();
}
