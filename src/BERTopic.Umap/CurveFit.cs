namespace BERTopicNet.Umap;

/// <summary>Fits umap-learn's low-dimensional similarity curve 1 / (1 + a·x^(2b)) by Levenberg–Marquardt least squares,
/// as SciPy's <c>curve_fit</c> does in umap-learn's <c>find_ab_params</c>.</summary>
internal static class CurveFit
{
    public static (double A, double B) FindAb(double spread, double minDist)
    {
        const int n = 300;
        var x = new double[n]; var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = spread * 3 * i / (n - 1);
            y[i] = x[i] < minDist ? 1.0 : Math.Exp(-(x[i] - minDist) / spread);
        }
        double a = 1, b = 1, lambda = 1e-3;
        double cost = Cost(a, b);
        for (int iter = 0; iter < 2000; iter++)
        {
            // normal equations J^T J δ = -J^T r
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (int i = 0; i < n; i++)
            {
                double xi = x[i];
                double p = xi > 0 ? Math.Pow(xi, 2 * b) : 0;
                double f = 1 / (1 + a * p);
                double r = f - y[i];
                double da = -p * f * f;
                double db = xi > 0 ? -a * p * 2 * Math.Log(xi) * f * f : 0;
                jaa += da * da; jab += da * db; jbb += db * db; ga += da * r; gb += db * r;
            }
            bool improved = false;
            for (int tries = 0; tries < 50 && !improved; tries++)
            {
                double m11 = jaa * (1 + lambda), m22 = jbb * (1 + lambda), det = m11 * m22 - jab * jab;
                double stepA = -(m22 * ga - jab * gb) / det, stepB = -(m11 * gb - jab * ga) / det;
                double na = a + stepA, nb = b + stepB;
                double nc = Cost(na, nb);
                if (nc < cost)
                {
                    bool done = Math.Abs(stepA) <= 1e-12 * (Math.Abs(a) + 1e-12) && Math.Abs(stepB) <= 1e-12 * (Math.Abs(b) + 1e-12)
                                || cost - nc <= 1e-16 * cost;
                    a = na; b = nb; cost = nc; lambda = Math.Max(lambda / 10, 1e-12); improved = true;
                    if (done) return (a, b);
                }
                else lambda *= 10;
            }
            if (!improved) break;
        }
        return (a, b);

        double Cost(double aa, double bb)
        {
            double s = 0;
            for (int i = 0; i < n; i++)
            {
                double p = x[i] > 0 ? Math.Pow(x[i], 2 * bb) : 0;
                double r = 1 / (1 + aa * p) - y[i];
                s += r * r;
            }
            return s;
        }
    }
}
