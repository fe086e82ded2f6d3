using System.Runtime.InteropServices;
using static BERTopicNet.Onnx.ProtoWire;

namespace BERTopicNet.Onnx;

/// <summary>
/// Dynamic int8 quantisation of an ONNX transformer, done in process (the equivalent of ONNX Runtime's Python
/// <c>quantize_dynamic</c> for MatMul): every <c>MatMul</c> whose second input is a 2-D float32 weight becomes a
/// <c>com.microsoft.DynamicQuantizeMatMul</c> with the weight stored as int8, one symmetric scale per output column;
/// activations are quantised to uint8 on the fly by ONNX Runtime. Everything else is copied unchanged.
/// </summary>
public static class Int8Quantizer
{
    private const int FloatType = 1, Int8Type = 3;

    /// <summary>Quantises an ONNX model held in memory and returns the new model's bytes.</summary>
    /// <param name="model">The fp32 ONNX model (a serialised <c>ModelProto</c> with its weights inside).</param>
    /// <param name="quantizedMatMuls">How many MatMul nodes were quantised.</param>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model.</exception>
    public static byte[] Quantize(ReadOnlyMemory<byte> model, out int quantizedMatMuls)
    {
        var top = Parse(model);
        var graphField = top.FirstOrDefault(f => f.Number == 7 && f.WireType == LengthDelimited);
        if (graphField.Encoded.IsEmpty) throw new InvalidDataException("The ONNX model has no graph.");
        var graph = Parse(graphField.Value);

        var tensors = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var f in graph.Where(f => f.Number == 5))
        {
            var name = Parse(f.Value).FirstOrDefault(x => x.Number == 8);
            if (!name.Value.IsEmpty) tensors[String(name)] = f;
        }

        var newNodes = new Dictionary<int, byte[]>();
        var newTensors = new List<byte[]>();
        var quantizedWeights = new HashSet<string>(StringComparer.Ordinal);
        var stillUsed = new HashSet<string>(StringComparer.Ordinal);
        var quantized = new Dictionary<string, (string Q, string Scale)>(StringComparer.Ordinal);
        for (int i = 0; i < graph.Count; i++)
        {
            if (graph[i].Number != 1) continue;
            var node = Parse(graph[i].Value);
            var inputs = node.Where(f => f.Number == 1).Select(String).ToList();
            var outputs = node.Where(f => f.Number == 2).Select(String).ToList();
            string op = node.Where(f => f.Number == 4).Select(String).FirstOrDefault() ?? "";
            string domain = node.Where(f => f.Number == 7).Select(String).FirstOrDefault() ?? "";
            string nodeName = node.Where(f => f.Number == 3).Select(String).FirstOrDefault() ?? $"node{i}";
            bool done = false;
            if (op == "MatMul" && domain is "" or "ai.onnx" && inputs.Count == 2 && outputs.Count == 1 && tensors.TryGetValue(inputs[1], out var w))
            {
                if (!quantized.TryGetValue(inputs[1], out var q) && TryQuantizeWeight(w, inputs[1], out var qTensor, out var scaleTensor))
                {
                    q = (inputs[1] + "_int8", inputs[1] + "_int8_scale");
                    quantized[inputs[1]] = q;
                    newTensors.Add(qTensor);
                    newTensors.Add(scaleTensor);
                }
                if (q.Q is not null)
                {
                    newNodes[i] = Node(nodeName + "_int8", "DynamicQuantizeMatMul", "com.microsoft", [inputs[0], q.Q, q.Scale], outputs);
                    quantizedWeights.Add(inputs[1]);
                    stillUsed.Add(inputs[0]);
                    done = true;
                }
            }
            if (!done) foreach (var inp in inputs) stillUsed.Add(inp);
        }
        foreach (var f in graph.Where(f => f.Number == 12)) // graph outputs keep their tensors alive
            foreach (var n in Parse(f.Value).Where(x => x.Number == 1)) stillUsed.Add(String(n));
        quantizedMatMuls = newNodes.Count;

        using var g = new MemoryStream(model.Length / 3);
        for (int i = 0; i < graph.Count; i++)
        {
            var f = graph[i];
            if (newNodes.TryGetValue(i, out var node)) { WriteBytes(g, 1, node); continue; }
            if (f.Number == 5)
            {
                var name = String(Parse(f.Value).First(x => x.Number == 8));
                if (quantizedWeights.Contains(name) && !stillUsed.Contains(name)) continue; // the float weight is no longer needed
            }
            g.Write(f.Encoded.Span);
        }
        foreach (var t in newTensors) WriteBytes(g, 5, t);

        using var m = new MemoryStream((int)g.Length + 4096);
        bool hasMs = top.Where(f => f.Number == 8).Any(f => Parse(f.Value).Any(x => x.Number == 1 && String(x) == "com.microsoft"));
        foreach (var f in top)
        {
            if (f.Number == 7) WriteBytes(m, 7, g.GetBuffer().AsSpan(0, (int)g.Length));
            else m.Write(f.Encoded.Span);
        }
        if (!hasMs && quantizedMatMuls > 0)
        {
            using var opset = new MemoryStream();
            WriteString(opset, 1, "com.microsoft");
            WriteInt(opset, 2, 1);
            WriteBytes(m, 8, opset.ToArray());
        }
        return m.ToArray();
    }

    /// <summary>Quantises an ONNX model file into another file.</summary>
    /// <returns>How many MatMul nodes were quantised.</returns>
    public static int QuantizeFile(string inputPath, string outputPath)
    {
        var bytes = Quantize(File.ReadAllBytes(inputPath), out int count);
        File.WriteAllBytes(outputPath, bytes);
        return count;
    }

    private static bool TryQuantizeWeight(Field tensorField, string name, out byte[] quantizedTensor, out byte[] scaleTensor)
    {
        quantizedTensor = scaleTensor = [];
        var t = Parse(tensorField.Value);
        var dims = t.Where(f => f.Number == 1).SelectMany(Int64s).ToArray();
        long type = t.Where(f => f.Number == 2).Select(f => (long)f.Scalar).FirstOrDefault();
        if (type != FloatType || dims.Length != 2 || dims[0] <= 0 || dims[1] <= 0) return false;
        int k = checked((int)dims[0]), n = checked((int)dims[1]);
        float[] w;
        var raw = t.FirstOrDefault(f => f.Number == 9);
        if (!raw.Value.IsEmpty) w = MemoryMarshal.Cast<byte, float>(raw.Value.Span).ToArray();
        else
        {
            var fd = t.Where(f => f.Number == 4).ToList();
            if (fd.Count == 0) return false; // external data or empty: leave it as it is
            w = fd.SelectMany(f => f.WireType == Fixed32 ? [BitConverter.UInt32BitsToSingle((uint)f.Scalar)] : MemoryMarshal.Cast<byte, float>(f.Value.Span).ToArray()).ToArray();
        }
        if (w.Length != k * n) return false;

        var scales = new float[n];
        for (int r = 0; r < k; r++)
            for (int c = 0; c < n; c++) scales[c] = Math.Max(scales[c], Math.Abs(w[r * n + c]));
        for (int c = 0; c < n; c++) scales[c] = scales[c] > 0 ? scales[c] / 127f : 1f;
        var q = new byte[k * n];
        for (int r = 0; r < k; r++)
            for (int c = 0; c < n; c++)
                q[r * n + c] = (byte)(sbyte)Math.Clamp(MathF.Round(w[r * n + c] / scales[c], MidpointRounding.ToEven), -127f, 127f);
        quantizedTensor = Tensor(name + "_int8", Int8Type, [k, n], q);
        scaleTensor = Tensor(name + "_int8_scale", FloatType, [n], MemoryMarshal.AsBytes(scales.AsSpan()).ToArray());
        return true;
    }

    private static byte[] Tensor(string name, int type, long[] dims, byte[] raw)
    {
        using var s = new MemoryStream(raw.Length + 64);
        foreach (var d in dims) WriteInt(s, 1, d);
        WriteInt(s, 2, type);
        WriteString(s, 8, name);
        WriteBytes(s, 9, raw);
        return s.ToArray();
    }

    private static byte[] Node(string name, string op, string domain, IEnumerable<string> inputs, IEnumerable<string> outputs)
    {
        using var s = new MemoryStream();
        foreach (var i in inputs) WriteString(s, 1, i);
        foreach (var o in outputs) WriteString(s, 2, o);
        WriteString(s, 3, name);
        WriteString(s, 4, op);
        WriteString(s, 7, domain);
        return s.ToArray();
    }
}
