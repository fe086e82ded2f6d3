using System.Globalization;
using System.Text;

namespace BERTopicNet.Analysis;

/// <summary>
/// CSV export (RFC 4180, a header row, invariant culture) of the analysis results, with Python's column names, for
/// spreadsheets and other tools.
/// </summary>
public static class TopicTables
{
    /// <summary>Columns Topic, Words, Frequency, Timestamp (ISO 8601).</summary>
    public static string ToCsv(IEnumerable<TopicOverTime> rows) =>
        Table(["Topic", "Words", "Frequency", "Timestamp"], rows, r => [Int(r.Topic), r.Words, Int(r.Frequency), Iso(r.Timestamp)]);

    /// <summary>Columns Topic, Words, Frequency, Class.</summary>
    public static string ToCsv(IEnumerable<TopicPerClass> rows) =>
        Table(["Topic", "Words", "Frequency", "Class"], rows, r => [Int(r.Topic), r.Words, Int(r.Frequency), r.Class]);

    /// <summary>Columns Parent_ID, Parent_Name, Topics (as "[0, 1]"), Child_Left_ID, Child_Left_Name, Child_Right_ID, Child_Right_Name, Distance.</summary>
    public static string ToCsv(IEnumerable<HierarchicalTopic> rows) =>
        Table(["Parent_ID", "Parent_Name", "Topics", "Child_Left_ID", "Child_Left_Name", "Child_Right_ID", "Child_Right_Name", "Distance"], rows,
            r => [Int(r.ParentId), r.ParentName, "[" + string.Join(", ", r.Topics.Select(Int)) + "]", Int(r.ChildLeftId), r.ChildLeftName,
                Int(r.ChildRightId), r.ChildRightName, r.Distance.ToString("R", CultureInfo.InvariantCulture)]);

    /// <summary>Writes <see cref="ToCsv(IEnumerable{TopicOverTime})"/> to <paramref name="path"/> (UTF-8).</summary>
    public static void WriteCsv(string path, IEnumerable<TopicOverTime> rows) => File.WriteAllText(path, ToCsv(rows), new UTF8Encoding(false));

    /// <summary>Writes <see cref="ToCsv(IEnumerable{TopicPerClass})"/> to <paramref name="path"/> (UTF-8).</summary>
    public static void WriteCsv(string path, IEnumerable<TopicPerClass> rows) => File.WriteAllText(path, ToCsv(rows), new UTF8Encoding(false));

    /// <summary>Writes <see cref="ToCsv(IEnumerable{HierarchicalTopic})"/> to <paramref name="path"/> (UTF-8).</summary>
    public static void WriteCsv(string path, IEnumerable<HierarchicalTopic> rows) => File.WriteAllText(path, ToCsv(rows), new UTF8Encoding(false));

    /// <summary>A timestamp as ISO 8601 (<c>yyyy-MM-ddTHH:mm:ss</c>, fractions of a second when present, "Z" for UTC).</summary>
    public static string Iso(DateTime t) =>
        t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
        + (t.Kind == DateTimeKind.Utc ? "Z" : "");

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Table<T>(string[] header, IEnumerable<T> rows, Func<T, string[]> fields)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        sb.AppendJoin(',', header).Append("\r\n");
        foreach (var r in rows)
        {
            var f = fields(r);
            for (int i = 0; i < f.Length; i++)
            {
                if (i > 0) sb.Append(',');
                var v = f[i];
                if (v.AsSpan().IndexOfAny(",\"\r\n") >= 0) sb.Append('"').Append(v.Replace("\"", "\"\"")).Append('"');
                else sb.Append(v);
            }
            sb.Append("\r\n");
        }
        return sb.ToString();
    }
}
