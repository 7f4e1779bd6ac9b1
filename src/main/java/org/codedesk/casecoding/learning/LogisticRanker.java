package org.codedesk.casecoding.learning;

import java.util.Arrays;
import java.util.List;

/**
 * A logistic regression over a candidate's features, fitted by Newton's method with a light L2 penalty.
 * Small on purpose: a handful of features, trained in well under a second, weights readable. Immutable.
 */
public final class LogisticRanker implements Ranker {

    private final double[] weights;

    LogisticRanker(double[] weights) {
        this.weights = weights.clone();
    }

    /** Hand-set weights for when no coded corpus is configured: the index route and how deep it went. */
    static LogisticRanker untrained() {
        double[] w = new double[Candidate.FEATURES];
        w[0] = -2.0;
        w[4] = 1.5;
        w[5] = 1.0;
        w[6] = 2.0;
        w[7] = 0.5;
        w[10] = -0.5;
        w[11] = -0.5;
        w[13] = -3;
        return new LogisticRanker(w);
    }

    /** Newton's method (iteratively reweighted least squares) with a small ridge, which converges in a few steps. */
    static LogisticRanker fit(List<double[]> rows, List<Boolean> labels) {
        if (rows.isEmpty() || !labels.contains(true)) {
            return untrained();
        }
        int n = Candidate.FEATURES;
        double[] w = new double[n];
        double ridge = 1e-2;
        for (int iteration = 0; iteration < 25; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (int i = 0; i < rows.size(); i++) {
                double[] x = rows.get(i);
                double p = probability(w, x);
                double error = p - (labels.get(i) ? 1 : 0);
                double weight = Math.max(p * (1 - p), 1e-6);
                for (int j = 0; j < n; j++) {
                    gradient[j] += error * x[j];
                    for (int k = 0; k <= j; k++) {
                        hessian[j][k] += weight * x[j] * x[k];
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[k][j] = hessian[j][k];
                }
                hessian[j][j] += ridge;
                gradient[j] += ridge * w[j];
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < n; j++) {
                w[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-6) {
                break;
            }
        }
        return new LogisticRanker(w);
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting (a is small, symmetric, positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = m[i][n];
            for (int j = i + 1; j < n; j++) {
                sum -= m[i][j] * x[j];
            }
            x[i] = sum / m[i][i];
        }
        return x;
    }

    @Override
    public double probability(double[] x) {
        return probability(weights, x);
    }

    @Override
    public String describe() {
        return "logistic regression " + Arrays.toString(weights);
    }

    private static double probability(double[] w, double[] x) {
        double z = 0;
        for (int j = 0; j < w.length; j++) {
            z += w[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

}
