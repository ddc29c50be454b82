package org.cabintune.tuner.calibrate;

import java.util.Arrays;
import java.util.List;
import org.cabintune.tuner.calibrate.CalibrationResult.Curves;

/**
 * A log-frequency plot of a calibration's curves as inline SVG: before, target, predicted and
 * after, 20 Hz to 20 kHz over 50 dB, the corrected band shaded. Drawn in a 720 x 260 box that
 * scales to its container's width (on paper: the report's print style sets it to 180 mm, which
 * fits A4 and Letter inside their margins).
 */
final class ResponsePlot {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    static final double F_LOW = 20;
    static final double F_HIGH = 20_000;
    /** Line colours, readable on white and in greyscale print: grey, green, orange, blue. */
    static final String[] COLOURS = {"#888888", "#2a9d3a", "#d98a00", "#1f5fbf"};
    static final String[] LABELS = {"before", "target", "predicted", "after"};
    private static final int LEFT = 44;
    /** Right edge of the plotting area: room for half of the last frequency label. */
    private static final int RIGHT = WIDTH - 16;
    private static final int BOTTOM = HEIGHT - 24;

    private ResponsePlot() {
    }

    /** The legend of the curves' colours. */
    static String legend() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < LABELS.length; i++) {
            s.append("<span style=\"color:").append(COLOURS[i]).append("\">&#9632; ").append(LABELS[i]).append("</span>");
        }
        return s.toString();
    }

    /** The plot of the curves present; the band shaded when given. */
    static String svg(double[] hz, Curves c, double[] band, String title) {
        List<double[]> curves = Arrays.asList(c.before(), c.target(), c.predicted(), c.after());
        double top = Double.NEGATIVE_INFINITY;
        for (double[] y : curves) {
            if (y != null) {
                for (int i = 0; i < hz.length; i++) {
                    if (hz[i] >= F_LOW && hz[i] <= F_HIGH && Double.isFinite(y[i])) {
                        top = Math.max(top, y[i]);
                    }
                }
            }
        }
        double yTop = Math.ceil(top / 10) * 10 + 5;
        double yBottom = yTop - 50;
        StringBuilder s = new StringBuilder("<svg class=\"plot\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
                + WIDTH + " " + HEIGHT + "\" font-size=\"11\" role=\"img\"><title>" + HtmlReport.esc(title)
                + "</title>\n<rect width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" fill=\"#ffffff\"/>\n");
        if (band != null) {
            double x0 = x(Math.max(band[0], F_LOW));
            double x1 = x(Math.min(band[1], F_HIGH));
            s.append("<rect x=\"").append(HtmlReport.fmt(x0, 1)).append("\" y=\"4\" width=\"")
                    .append(HtmlReport.fmt(x1 - x0, 1)).append("\" height=\"").append(BOTTOM - 4)
                    .append("\" fill=\"#f3f6fb\"/>\n");
        }
        for (double f : new double[] {20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000}) {
            String xf = HtmlReport.fmt(x(f), 1);
            s.append("<line x1=\"").append(xf).append("\" y1=\"4\" x2=\"").append(xf).append("\" y2=\"").append(BOTTOM)
                    .append("\" stroke=\"#ddd\"/><text x=\"").append(xf).append("\" y=\"").append(HEIGHT - 8)
                    .append("\" text-anchor=\"middle\">")
                    .append(f >= 1000 ? HtmlReport.fmt(f / 1000, 0) + "k" : HtmlReport.fmt(f, 0)).append("</text>\n");
        }
        for (double d = yBottom; d <= yTop + 1e-9; d += 10) {
            double yd = y(d, yTop, yBottom);
            s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HtmlReport.fmt(yd, 1)).append("\" x2=\"")
                    .append(RIGHT).append("\" y2=\"").append(HtmlReport.fmt(yd, 1)).append("\" stroke=\"#ddd\"/><text x=\"")
                    .append(LEFT - 4).append("\" y=\"").append(HtmlReport.fmt(yd + 4, 1)).append("\" text-anchor=\"end\">")
                    .append(HtmlReport.fmt(d, 0)).append("</text>\n");
        }
        for (int k = 0; k < curves.size(); k++) {
            double[] yv = curves.get(k);
            if (yv == null) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < hz.length; i++) {
                if (hz[i] < F_LOW || hz[i] > F_HIGH || !Double.isFinite(yv[i])) {
                    continue;
                }
                double yy = Math.max(4, Math.min(BOTTOM, y(yv[i], yTop, yBottom)));
                path.append(path.isEmpty() ? "M" : "L").append(HtmlReport.fmt(x(hz[i]), 1)).append(',')
                        .append(HtmlReport.fmt(yy, 1));
            }
            s.append("<path class=\"").append(LABELS[k]).append("\" d=\"").append(path).append("\" fill=\"none\" stroke=\"")
                    .append(COLOURS[k]).append("\" stroke-width=\"").append(k == 1 ? "2" : "1.4").append("\"")
                    .append(k == 2 ? " stroke-dasharray=\"5,3\"" : "").append("/>\n");
        }
        s.append("<text x=\"").append(LEFT + 4).append("\" y=\"14\">dB</text></svg>\n");
        return s.toString();
    }

    private static double x(double f) {
        return LEFT + (RIGHT - LEFT) * Math.log(f / F_LOW) / Math.log(F_HIGH / F_LOW);
    }

    private static double y(double db, double top, double bottom) {
        return 4 + (BOTTOM - 4) * (top - db) / (top - bottom);
    }
}
