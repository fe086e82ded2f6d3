using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using BERTopicNet.Persistence;

namespace BERTopicNet.Tests.Persistence;

/// <summary>
/// A corpus of malformed safetensors files, generated here, written to disk and read back: each must fail with a
/// <see cref="ModelFormatException"/> that names the file and the problem — never another exception, a hang or a
/// large allocation. Then a seeded random-mutation fuzz over valid files.
/// </summary>
public class SafeTensorsNastyFilesTests
{
    private static byte[] File(string header, int dataBytes = 0, ulong? declaredLength = null)
    {
        var h = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + h.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declaredLength ?? (ulong)h.Length);
        h.CopyTo(bytes, 8);
        for (int i = 0; i < dataBytes; i++) bytes[8 + h.Length + i] = (byte)i;
        return bytes;
    }

    private static byte[] Valid() => new SafeTensorsFile()
        .Add(SafeTensor.FromMatrix("topic_embeddings", new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }))
        .Add(SafeTensor.FromInt32("indptr", [0, 1, 3]))
        .Add(SafeTensor.FromDouble("data", [0.5, 0.25, 0.125]))
        .Add(SafeTensor.FromInt64("shape", [2, 3]))
        .ToBytes();

    private const string T = "{\"t\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

    public static TheoryData<string, byte[], string> Corpus()
    {
        var valid = Valid();
        var data = new TheoryData<string, byte[], string>
        {
            { "empty", [], "truncated" },
            { "seven_bytes", [1, 2, 3, 4, 5, 6, 7], "truncated" },
            { "header_length_past_end", File(T, 8, declaredLength: 4096), "runs past the end" },
            { "header_length_absurd", File(T, 8, declaredLength: ulong.MaxValue), "exceeds" },
            { "header_length_just_over_cap", File(T, 8, declaredLength: 100_000_001), "exceeds" },
            { "header_length_zero", File("", 0, 0), "too small" },
            { "truncated_data", valid[..^5], "past the end of the data" },
            { "truncated_in_header", valid[..20], "runs past the end" },
            { "trailing_bytes", [.. valid, 0, 0, 0, 0], "trailing bytes" },
            { "not_utf8", Bad(valid), "UTF-8" },
            { "not_json", File("{hello world}   "), "not valid JSON" },
            { "json_array", File("[1,2,3]"), "does not start with '{'" },
            { "json_string_padded", File("{\"a\"}   "), "not valid JSON" },
            { "header_entry_not_object", File("{\"t\":[1,2]}"), "not an object" },
            { "metadata_not_object", File("{\"__metadata__\":\"x\"}"), "not an object of strings" },
            { "metadata_value_not_string", File("{\"__metadata__\":{\"a\":1}}"), "not a string" },
            { "duplicate_tensor", File("{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "not valid JSON" },
            { "unknown_dtype", File(T.Replace("F32", "F128"), 8), "unknown dtype 'F128'" },
            { "lowercase_dtype", File(T.Replace("F32", "f32"), 8), "unknown dtype" },
            { "dtype_number", File(T.Replace("\"F32\"", "32"), 8), "not a string" },
            { "missing_dtype", File("{\"t\":{\"shape\":[2],\"data_offsets\":[0,8]}}", 8), "lacks 'dtype'" },
            { "missing_offsets", File("{\"t\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8), "lacks 'data_offsets'" },
            { "negative_dim", File(T.Replace("[2]", "[-2]"), 8), "not a non-negative integer" },
            { "fractional_dim", File(T.Replace("[2]", "[2.5]"), 8), "not a non-negative integer" },
            { "huge_dim", File(T.Replace("[2]", "[99999999999999999999]"), 8), "not a non-negative integer" },
            { "shape_overflow", File(T.Replace("[2]", "[4294967296,4294967296,4294967296]"), 8), "overflows" },
            { "shape_not_array", File(T.Replace("[2]", "2"), 8), "not an array" },
            { "too_many_dims", File(T.Replace("[2]", "[" + string.Join(",", Enumerable.Repeat(1, 65)) + "]"), 8), "at most 64" },
            { "shape_dtype_mismatch", File(T.Replace("[2]", "[3]"), 8), "needs 12 bytes" },
            { "offsets_three", File(T.Replace("[0,8]", "[0,4,8]"), 8), "not 2" },
            { "offsets_reversed", File(T.Replace("[0,8]", "[8,0]"), 8), "end before they start" },
            { "offsets_gap", File(T.Replace("[0,8]", "[4,12]"), 12), "gap" },
            { "offsets_out_of_range", File(T.Replace("[0,8]", "[0,800000000000]").Replace("[2]", "[200000000000]"), 8), "past the end" },
            { "offsets_overlap", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "overlap" },
            { "offsets_negative", File(T.Replace("[0,8]", "[-8,0]"), 8), "not a non-negative integer" },
            { "deeply_nested", File("{\"__metadata__\":" + new string('[', 5000) + new string(']', 5000) + "}"), "not valid JSON" },
            { "nul_padding", File(T + "\0\0\0", 8), "not valid JSON" },
        };
        return data;

        static byte[] Bad(byte[] valid)
        {
            var b = (byte[])valid.Clone();
            b[10] = 0xff; // inside the first tensor name
            return b;
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void NastyFileGivesAClearError(string name, byte[] bytes, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("nasty-safetensors-");
        try
        {
            var path = Path.Combine(dir.FullName, name + ".safetensors");
            System.IO.File.WriteAllBytes(path, bytes);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var e = Assert.Throws<ModelFormatException>(() => SafeTensorsFile.Read(path));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Contains(path, e.Message);
            Assert.Equal(path, e.FilePath);
            Assert.Contains(expected, e.Message);
            Assert.True(allocated < 4_000_000 + 64L * bytes.Length, $"{name}: reading allocated {allocated} bytes for a {bytes.Length}-byte file.");
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void MissingFileGivesAClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.safetensors");
        var e = Assert.Throws<ModelFormatException>(() => SafeTensorsFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void RandomMutationsOfValidFilesNeverEscapeAsAnotherException()
    {
        // Seeded mutation fuzzing, bounded in time: byte flips, truncations, insertions, header-length and
        // header-text edits. Each result must parse (and re-serialise consistently) or raise ModelFormatException.
        var rng = new Random(20261127);
        var seeds = new List<byte[]> { Valid(), new SafeTensorsFile().ToBytes() };
        var withMeta = new SafeTensorsFile().Add(SafeTensor.FromSingle("x", [1f, 2f, 3f]));
        withMeta.Metadata["format"] = "pt";
        seeds.Add(withMeta.ToBytes());
        string[] tokens = ["F32", "F64", "I64", "BF16", "[", "]", "{", "}", ",", ":", "\"", "-1", "0", "99999999999", "1e3", "null", "\"shape\"", "\"data_offsets\"", "\"dtype\"", "\"__metadata__\""];

        var sw = Stopwatch.StartNew();
        int iterations = 0, accepted = 0;
        while (iterations < 20_000 && sw.Elapsed < TimeSpan.FromSeconds(4))
        {
            var b = seeds[rng.Next(seeds.Count)].ToList();
            int edits = 1 + rng.Next(3);
            for (int k = 0; k < edits && b.Count > 0; k++)
            {
                switch (rng.Next(7))
                {
                    case 0: b[rng.Next(b.Count)] ^= (byte)(1 << rng.Next(8)); break;
                    case 1: b[rng.Next(b.Count)] = (byte)rng.Next(256); break;
                    case 2:
                        int from = rng.Next(b.Count);
                        b.RemoveRange(from, Math.Min(b.Count - from, rng.Next(1, 16)));
                        break;
                    case 3: b.InsertRange(rng.Next(b.Count), Enumerable.Range(0, rng.Next(1, 8)).Select(_ => (byte)rng.Next(256))); break;
                    case 4: b = b.Take(rng.Next(b.Count)).ToList(); break;
                    case 5:
                        if (b.Count >= 8)
                        {
                            ulong n = rng.Next(4) switch { 0 => (ulong)rng.NextInt64(), 1 => (ulong)rng.Next(0, 200), 2 => BinaryPrimitives.ReadUInt64LittleEndian(b.ToArray()) + (ulong)rng.Next(-8, 9), _ => ulong.MaxValue - (ulong)rng.Next(16) };
                            var len = new byte[8];
                            BinaryPrimitives.WriteUInt64LittleEndian(len, n);
                            for (int i = 0; i < 8; i++) b[i] = len[i];
                        }
                        break;
                    default:
                        var tok = Encoding.UTF8.GetBytes(tokens[rng.Next(tokens.Length)]);
                        int at = Math.Min(b.Count, 8 + rng.Next(Math.Max(1, b.Count - 8)));
                        if (rng.Next(2) == 0) b.InsertRange(at, tok);
                        else for (int i = 0; i < tok.Length && at + i < b.Count; i++) b[at + i] = tok[i];
                        break;
                }
            }
            var bytes = b.ToArray();
            try
            {
                var f = SafeTensorsFile.Read(bytes, "fuzz");
                accepted++;
                var again = SafeTensorsFile.Read(f.ToBytes(), "fuzz-again");
                Assert.Equal(f.Tensors.Count, again.Tensors.Count);
                foreach (var t in f.Tensors) Assert.True(t.Bytes.SequenceEqual(again[t.Name].Bytes));
            }
            catch (ModelFormatException e)
            {
                Assert.StartsWith("fuzz: ", e.Message);
            }
            iterations++;
        }
        Assert.True(iterations >= 500, $"only {iterations} fuzz iterations ran");
        Assert.True(accepted > 0, "no mutated file was accepted; the mutations are too destructive to test the happy path");
    }
}
