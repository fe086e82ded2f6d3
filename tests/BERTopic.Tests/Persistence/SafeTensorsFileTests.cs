using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using BERTopicNet.Persistence;

namespace BERTopicNet.Tests.Persistence;

public class SafeTensorsFileTests
{
    private static byte[] F32Bytes(params float[] v) => v.SelectMany(BitConverter.GetBytes).ToArray();

    [Fact]
    public void WritesTheSameBytesAsTheRustLibrary()
    {
        // Expected bytes: the safetensors Rust crate's own serialization tests (tensor.rs, test_serialization).
        var f = new SafeTensorsFile().Add(new SafeTensor("attn.0", SafeTensorDType.F32, [1, 2, 3], F32Bytes(0, 1, 2, 3, 4, 5)));
        byte[] expected =
        [
            64, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 46, 48, 34, 58, 123, 34, 100,
            116, 121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34,
            58, 91, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102, 115,
            101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 0, 0, 0, 0, 0, 0, 128, 63,
            0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64,
        ];
        Assert.Equal(expected, f.ToBytes());
    }

    [Fact]
    public void PadsTheHeaderWithSpacesToEightBytes()
    {
        // test_serialization_forced_alignement of the Rust crate: a 65-byte header gets 7 spaces.
        var f = new SafeTensorsFile().Add(new SafeTensor("attn0", SafeTensorDType.F32, [1, 1, 2, 3], F32Bytes(0, 1, 2, 3, 4, 5)));
        var bytes = f.ToBytes();
        Assert.Equal(72UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       ", Encoding.UTF8.GetString(bytes, 8, 72));
        Assert.Equal(8 + 72 + 24, bytes.Length);
    }

    [Fact]
    public void EmptyFileAndMetadataMatchTheRustLibrary()
    {
        Assert.Equal(new byte[] { 8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32 }, new SafeTensorsFile().ToBytes());
        var withMeta = new SafeTensorsFile();
        withMeta.Metadata["framework"] = "pt";
        var bytes = withMeta.ToBytes();
        Assert.Equal(40UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal("{\"__metadata__\":{\"framework\":\"pt\"}}     ", Encoding.UTF8.GetString(bytes, 8, 40));
        var back = SafeTensorsFile.Read(bytes);
        Assert.Equal("pt", back.Metadata["framework"]);
        Assert.Empty(back.Tensors);
    }

    [Fact]
    public void OrdersTensorsByDecreasingDtypeThenNameAsTheRustWriterDoes()
    {
        var f = new SafeTensorsFile()
            .Add(SafeTensor.FromInt32("indptr", [0, 1]))
            .Add(SafeTensor.FromInt32("indices", [3]))
            .Add(SafeTensor.FromDouble("data", [1.5]))
            .Add(SafeTensor.FromInt64("shape", [1, 4]))
            .Add(SafeTensor.FromDouble("diag", [1, 2, 3, 4]));
        Assert.Equal(["shape", "data", "diag", "indices", "indptr"], f.WriteOrder().Select(t => t.Name));
        using var doc = JsonDocument.Parse(f.BuildHeader());
        Assert.Equal(["shape", "data", "diag", "indices", "indptr"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var offsets = doc.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("data_offsets").EnumerateArray().Select(x => x.GetInt64()).ToArray()).ToArray();
        Assert.Equal([0, 16], offsets[0]);
        Assert.Equal([16, 24], offsets[1]);
        Assert.Equal([24, 56], offsets[2]);
        Assert.Equal([56, 60], offsets[3]);
        Assert.Equal([60, 68], offsets[4]);
    }

    [Fact]
    public void EveryDtypeRoundTripsThroughAFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"st-{Guid.NewGuid():N}.safetensors");
        try
        {
            var m = new float[,] { { 1f, -2.5f, float.NaN }, { float.PositiveInfinity, 5f, float.Epsilon } };
            var f = new SafeTensorsFile()
                .Add(SafeTensor.FromMatrix("m", m))
                .Add(SafeTensor.FromDouble("d", [Math.PI, -0.0, double.MaxValue]))
                .Add(SafeTensor.FromInt32("i", [int.MinValue, 0, int.MaxValue]))
                .Add(SafeTensor.FromInt64("l", [long.MinValue, 7]))
                .Add(new SafeTensor("h", SafeTensorDType.F16, [2], [0x00, 0x3C, 0x00, 0xC0])) // 1.0, -2.0
                .Add(new SafeTensor("bf", SafeTensorDType.BF16, [1], [0x80, 0x3F]))           // 1.0
                .Add(new SafeTensor("u8", SafeTensorDType.U8, [3], [1, 2, 255]))
                .Add(new SafeTensor("scalar", SafeTensorDType.F32, [], F32Bytes(42)))
                .Add(new SafeTensor("empty", SafeTensorDType.F32, [0, 384], []));
            f.Metadata["format"] = "np";
            f.Metadata["quote\"and\\back\nslash"] = "é ✓";
            f.Save(path);
            var g = SafeTensorsFile.Read(path);
            Assert.Equal(m, g["m"].ToSingleMatrix());
            Assert.Equal([Math.PI, -0.0, double.MaxValue], g["d"].ToDoubleArray());
            Assert.Equal([int.MinValue, 0, int.MaxValue], g["i"].ToInt32Array());
            Assert.Equal([long.MinValue, 7], g["l"].ToInt64Array());
            Assert.Equal([1f, -2f], g["h"].ToSingleArray());
            Assert.Equal([1f], g["bf"].ToSingleArray());
            Assert.Equal([1, 2, 255], g["u8"].ToInt32Array());
            Assert.Equal([42f], g["scalar"].ToSingleArray());
            Assert.Empty(g["scalar"].Shape);
            Assert.Equal([0L, 384L], g["empty"].Shape);
            Assert.Equal("é ✓", g.Metadata["quote\"and\\back\nslash"]);
            Assert.Equal(f.ToBytes(), File.ReadAllBytes(path));
            Assert.Equal(f.ToBytes(), g.ToBytes()); // re-writing what was read gives the same bytes
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ConversionsRejectWrongTypesAndValuesThatDoNotFit()
    {
        var f = SafeTensorsFile.Read(new SafeTensorsFile()
            .Add(SafeTensor.FromInt64("big", [1L << 40]))
            .Add(SafeTensor.FromSingle("x", [1f, 2f]))
            .ToBytes(), "mem.safetensors");
        var e = Assert.Throws<ModelFormatException>(() => f["big"].ToInt32Array());
        Assert.Contains("mem.safetensors", e.Message);
        Assert.Contains("'big'", e.Message);
        Assert.Throws<ModelFormatException>(() => f["x"].ToInt64Array());
        Assert.Throws<ModelFormatException>(() => f["x"].ToSingleMatrix());
        Assert.Throws<ModelFormatException>(() => f["x"].RequireShape(3));
        Assert.Throws<ModelFormatException>(() => f["missing"]);
        Assert.Equal([1f, 2f], f["x"].RequireShape(-1).ToSingleArray());
    }

    [Fact]
    public void BuildingRejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => new SafeTensor("a", SafeTensorDType.F32, [2], new byte[4]));
        Assert.Throws<ArgumentException>(() => new SafeTensor("a", SafeTensorDType.F32, [-1], []));
        Assert.Throws<ArgumentException>(() => new SafeTensor(SafeTensorsFile.MetadataKey, SafeTensorDType.U8, [0], []));
        var f = new SafeTensorsFile().Add(SafeTensor.FromSingle("a", [1f]));
        Assert.Throws<ArgumentException>(() => f.Add(SafeTensor.FromSingle("a", [2f])));
    }
}
