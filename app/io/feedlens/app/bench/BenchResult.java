package io.feedlens.app.bench;

/**
 * The headline of a benchmark: the measured figure, the baseline measured in the same run, and their ratio
 * (subject / baseline: above 1 means the subject took longer, or moved more, depending on {@code unit}).
 */
public record BenchResult(String benchmark, String subject, double value, String baseline, double baselineValue, String unit) {

    public double ratio() {
        return baselineValue == 0 ? Double.NaN : value / baselineValue;
    }

    public String summary() {
        return String.format("%s: %s %.1f %s vs baseline %s %.1f %s, ratio %.2f",
                benchmark, subject, value, unit, baseline, baselineValue, unit, ratio());
    }
}
