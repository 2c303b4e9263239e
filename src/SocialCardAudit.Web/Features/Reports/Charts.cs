using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace SocialCardAudit.Web.Features.Reports;

/// <summary>
/// Charts drawn on the server as SVG: nothing to download from a CDN (county intranets have no internet), no
/// script under the CSP, and they print. Each chart is decorative beside a table that gives the same numbers.
/// </summary>
public static class Charts
{
    private const int Width = 640;
    private static readonly string[] Colours = ["#2b6cb0", "#2f855a", "#b7791f", "#9b2c2c", "#6b46c1"];

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => HtmlEncoder.Default.Encode(s);

    /// <summary>Horizontal bars of percentages, one per label (completion by town or village).</summary>
    public static IHtmlContent PercentBars(string title, IReadOnlyList<(string Label, decimal Percent)> bars)
    {
        const int row = 26, left = 120, right = 56;
        var height = (bars.Count * row) + 10;
        var svg = new StringBuilder($"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{E(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, percent) = bars[i];
            var y = (i * row) + 5;
            var w = (double)Math.Clamp(percent, 0, 100) / 100 * (Width - left - right);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"13\">{E(label)}</text>")
               .Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + 3}\" width=\"{Width - left - right}\" height=\"16\" fill=\"#edf2f7\"/>")
               .Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + 3}\" width=\"{N(w)}\" height=\"16\" fill=\"{Colours[0]}\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - right + 6}\" y=\"{y + 15}\" font-size=\"13\">{percent:0.0}%</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>One bar split into parts (the four outcomes and the rows still open), with a legend.</summary>
    public static IHtmlContent Stack(string title, IReadOnlyList<(string Label, int Value)> parts)
    {
        var total = Math.Max(1, parts.Sum(p => p.Value));
        var svg = new StringBuilder($"<svg class=\"chart\" viewBox=\"0 0 {Width} {40 + (22 * parts.Count)}\" role=\"img\" aria-label=\"{E(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        double x = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var w = (double)parts[i].Value / total * Width;
            var colour = i < Colours.Length ? Colours[i] : "#a0aec0";
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"4\" width=\"{N(w)}\" height=\"24\" fill=\"{colour}\"/>")
               .Append(CultureInfo.InvariantCulture, $"<rect x=\"4\" y=\"{38 + (22 * i)}\" width=\"14\" height=\"14\" fill=\"{colour}\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"24\" y=\"{50 + (22 * i)}\" font-size=\"13\">{E(parts[i].Label)}:{parts[i].Value}</text>");
            x += w;
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>
    /// A line of values by week (rows verified at the end of each frozen week). Points stand where their day is on a
    /// time axis, so a missing week shows as a longer step, never as weeks side by side that were months apart.
    /// </summary>
    public static IHtmlContent Trend(string title, IReadOnlyList<(DateOnly Day, string Label, int Value)> points)
    {
        const int height = 200, pad = 36;
        var max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Value));
        var first = points.Count == 0 ? 0 : points.Min(p => p.Day.DayNumber);
        var span = points.Count == 0 ? 0 : points.Max(p => p.Day.DayNumber) - first;
        double X(int i) => span == 0 ? Width / 2.0 : pad + ((points[i].Day.DayNumber - first) / (double)span * (Width - (2 * pad)));
        double Y(int v) => height - pad - ((double)v / max * (height - (2 * pad)));
        var svg = new StringBuilder($"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{E(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{pad}\" y1=\"{height - pad}\" x2=\"{Width - pad}\" y2=\"{height - pad}\" stroke=\"#a0aec0\"/>");
        if (points.Count > 1)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"").Append(Colours[0]).Append("\" stroke-width=\"2\" points=\"")
               .Append(string.Join(' ', points.Select((p, i) => $"{N(X(i))},{N(Y(p.Value))}"))).Append("\"/>");
        }
        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(i))}\" cy=\"{N(Y(points[i].Value))}\" r=\"3\" fill=\"{Colours[0]}\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(i))}\" y=\"{N(Y(points[i].Value) - 8)}\" text-anchor=\"middle\" font-size=\"12\">{points[i].Value}</text>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(i))}\" y=\"{height - pad + 18}\" text-anchor=\"middle\" font-size=\"11\">{E(points[i].Label)}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
