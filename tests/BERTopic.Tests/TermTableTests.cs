using BERTopicNet.Vectorizers;

namespace BERTopicNet.Tests;

/// <summary>The vectorizer's term tables: reuse after <see cref="TermTable.Clear"/>, and the sharded vocabulary.</summary>
public class TermTableTests
{
    /// <summary>A cleared table counts as a fresh one, whether it was cleared slot by slot (few entries) or whole.</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(3000)]
    public void Cleared_Table_Counts_Like_A_New_One(int entries)
    {
        var table = new TermTable(16);
        for (int i = 0; i < 4000; i++) table.GetOrAdd("grow" + i)++; // a large slot array
        table.Clear();
        for (int i = 0; i < entries; i++) table.GetOrAdd("w" + i) += i + 1;
        table.Clear();
        Assert.Equal(0, table.Count);
        for (int i = 0; i < entries; i++) table.GetOrAdd("w" + (entries - 1 - i))++;
        table.GetOrAdd("w0")++;
        Assert.Equal(entries, table.Count);
        for (int e = 0; e < table.Count; e++)
        {
            string key = table.KeyAt(e);
            Assert.Equal("w" + (entries - 1 - e), key);
            Assert.Equal(key == "w0" ? 2 : 1, table.ValueAt(e));
            Assert.Equal(TermTable.Hash(key), table.HashAt(e));
            Assert.Equal(table.ValueAt(e), table.Find(key, TermTable.Hash(key)));
        }
        Assert.Equal(-1, table.Find("grow1", TermTable.Hash("grow1")));
    }

    /// <summary>A run keeps every entry of its table, grouped by shard, with its hash and count.</summary>
    [Fact]
    public void Compact_Run_Keeps_Every_Term_Grouped_By_Shard()
    {
        var table = new TermTable(16);
        for (int i = 0; i < 500; i++) table.GetOrAdd("k" + (i % 200)) += 1;
        var run = TermRun.From(table);
        Assert.Equal(200, run.Count);
        Assert.Equal(0, run.ShardStarts[0]);
        Assert.Equal(run.Count, run.ShardStarts[^1]);
        var seen = new Dictionary<string, int>();
        for (int s = 0; s + 1 < run.ShardStarts.Length; s++)
            for (int p = run.ShardStarts[s]; p < run.ShardStarts[s + 1]; p++)
            {
                string key = run.Key(p).ToString();
                Assert.Equal(TermTable.Hash(key), run.Hashes[p]);
                Assert.Equal(s, ShardedVocabulary.ShardOf(run.Hashes[p]));
                seen.Add(key, run.Counts[p]);
            }
        Assert.Equal(200, seen.Count);
        Assert.All(seen, kv => Assert.Equal(int.Parse(kv.Key[1..]) < 100 ? 3 : 2, kv.Value));
    }

    /// <summary>A fixed vocabulary: term j at column j; a repeated term keeps its first column and shows in the count.</summary>
    [Fact]
    public void Vocabulary_Of_Fixed_Terms_Finds_Their_Columns()
    {
        string[] terms = ["b", "a", "", "b", "c"];
        var vocabulary = ShardedVocabulary.Of(terms);
        Assert.Equal(4, vocabulary.Count);
        Assert.Equal(0, vocabulary.Find("b", TermTable.Hash("b")));
        Assert.Equal(1, vocabulary.Find("a", TermTable.Hash("a")));
        Assert.Equal(2, vocabulary.Find("", TermTable.Hash("")));
        Assert.Equal(4, vocabulary.Find("c", TermTable.Hash("c")));
        Assert.Equal(-1, vocabulary.Find("d", TermTable.Hash("d")));
    }

    /// <summary>Linear counting of the runs' hashes estimates how many distinct terms they hold, shared terms counted once.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(500)]
    [InlineData(150_000)]
    public void Distinct_Terms_Of_Runs_Are_Estimated_Within_A_Few_Percent(int distinct)
    {
        var runs = new List<TermRun>();
        var table = new TermTable(16);
        var random = new Random(3);
        for (int run = 0; run < 6; run++)
        {
            for (int i = 0; i < distinct; i++)
                if (run == 0 || random.Next(3) == 0) table.GetOrAdd("term" + i)++; // every term in the first run, a third of them again in each later one
            runs.Add(TermRun.From(table));
            table.Clear();
        }
        int estimate = TermRun.EstimateDistinct([.. runs]);
        Assert.InRange(estimate, distinct * 0.97, distinct * 1.03 + 1);
    }

    /// <summary>Rows of (column &lt;&lt; 32 | count) come out in column order, short rows and long, one byte of columns or three.</summary>
    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 10)]
    [InlineData(31, 200)]
    [InlineData(32, 200)]
    [InlineData(200, 256)]
    [InlineData(200, 257)]
    [InlineData(5000, 141_000)]
    [InlineData(60_000, 20_000_000)]
    public void Column_Sort_Orders_Rows_By_Column(int length, int columns)
    {
        var random = new Random(length + columns);
        var chosen = new HashSet<int>();
        while (chosen.Count < length) chosen.Add(random.Next(columns));
        var row = chosen.Select(c => ((long)c << 32) | (uint)random.Next(1, 1000)).ToArray();
        var expected = row.OrderBy(v => v >> 32).ToArray();
        var scratch = Array.Empty<long>();
        ColumnSort.Sort(row, columns, ref scratch);
        Assert.Equal(expected, row);
    }
}
