using System.Globalization;

namespace BERTopicNet.Analysis;

/// <summary>Reads timestamp strings the way <c>pandas.to_datetime</c> reads the usual ISO 8601 forms.</summary>
internal static class TimestampParser
{
    private static readonly string[] ShortForms = ["yyyy", "yyyy-MM", "yyyyMMdd", "yyyy-MM-dd", "yyyy/MM/dd"];

    /// <summary>Parses every timestamp; values with a UTC offset are converted to UTC, others kept as written.</summary>
    /// <param name="timestamps">The strings.</param>
    /// <param name="format">A .NET custom date format that every value follows (Python's <c>datetime_format</c>), or null to recognise ISO 8601.</param>
    /// <exception cref="ArgumentException">A value is null or not a date.</exception>
    public static DateTime[] Parse(IReadOnlyList<string> timestamps, string? format)
    {
        var result = new DateTime[timestamps.Count];
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal;
        for (int i = 0; i < result.Length; i++)
        {
            var s = timestamps[i] ?? throw new ArgumentException($"timestamps[{i}] is null; every document needs a timestamp.", nameof(timestamps));
            bool ok = format is not null
                ? DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, styles, out result[i])
                : DateTime.TryParseExact(s.Trim(), ShortForms, CultureInfo.InvariantCulture, styles, out result[i])
                  || DateTime.TryParse(s, CultureInfo.InvariantCulture, styles, out result[i]);
            if (!ok)
                throw new ArgumentException(format is null
                    ? $"timestamps[{i}] = \"{s}\" is not a date; use ISO 8601 (e.g. 1790, 1790-01-08 or 1790-01-08T12:00:00Z) or set TopicsOverTimeOptions.DatetimeFormat."
                    : $"timestamps[{i}] = \"{s}\" does not match the format \"{format}\".", nameof(timestamps));
        }
        return result;
    }
}
