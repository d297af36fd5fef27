package dev.quorumbench.analysis.plot;

/**
 * One line of a plot: a name and its points.
 *
 * @param name the legend text
 * @param x    x values
 * @param y    y values, same length as x
 */
public record Curve(String name, double[] x, double[] y) {

    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("curve '" + name + "': " + x.length + " x values but " + y.length
                    + " y values");
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    public boolean isEmpty() {
        return x.length == 0;
    }
}
