using System.Runtime.InteropServices;

namespace BERTopicNet.Onnx.Tests;

/// <summary>
/// A tiny ONNX "transformer" written with <see cref="ProtoWire"/>, whose output the tests can compute by hand:
/// <c>last_hidden_state[b, t] = (table[input_ids[b, t]] + types[token_type_ids[b, t]]) × attention_mask[b, t]</c>
/// (the token-type term only when <c>types</c> is given, as in a BERT export; XLM-R exports have no token_type_ids).
/// </summary>
internal static class TinyOnnxModel
{
    private const int Float = 1, Int64 = 7, AttributeInt = 2;

    /// <summary>A table of <paramref name="rows"/> × <paramref name="dim"/> values in [-1, 1), from a seeded generator.</summary>
    public static float[,] RandomTable(int rows, int dim, int seed)
    {
        var rng = new Random(seed);
        var t = new float[rows, dim];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < dim; j++) t[i, j] = (float)(rng.NextDouble() * 2 - 1);
        return t;
    }

    public static byte[] Build(float[,] table, float[,]? types = null)
    {
        int dim = table.GetLength(1);
        using var graph = new MemoryStream();
        string embedded = "embedded";
        Node(graph, "Gather", ["table", "input_ids"], [types is null ? embedded : "words"]);
        if (types is not null)
        {
            Node(graph, "Gather", ["types", "token_type_ids"], ["type_vectors"]);
            Node(graph, "Add", ["words", "type_vectors"], [embedded]);
        }
        Node(graph, "Cast", ["attention_mask"], ["mask_float"], ("to", Float));
        Node(graph, "Unsqueeze", ["mask_float", "last_axis"], ["mask_3d"]);
        Node(graph, "Mul", [embedded, "mask_3d"], ["last_hidden_state"]);
        ProtoWire.WriteString(graph, 2, "tiny");
        FloatTensor(graph, "table", table);
        if (types is not null) FloatTensor(graph, "types", types);
        using (var axes = new MemoryStream())
        {
            ProtoWire.WriteInt(axes, 1, 1);
            ProtoWire.WriteInt(axes, 2, Int64);
            ProtoWire.WriteString(axes, 8, "last_axis");
            ProtoWire.WriteBytes(axes, 9, BitConverter.GetBytes(-1L));
            ProtoWire.WriteBytes(graph, 5, axes.ToArray());
        }
        Value(graph, 11, "input_ids", Int64, ["batch", "sequence"]);
        Value(graph, 11, "attention_mask", Int64, ["batch", "sequence"]);
        if (types is not null) Value(graph, 11, "token_type_ids", Int64, ["batch", "sequence"]);
        Value(graph, 12, "last_hidden_state", Float, ["batch", "sequence", dim]);

        using var model = new MemoryStream();
        ProtoWire.WriteInt(model, 1, 8); // ir_version
        using (var opset = new MemoryStream())
        {
            ProtoWire.WriteString(opset, 1, "");
            ProtoWire.WriteInt(opset, 2, 13);
            ProtoWire.WriteBytes(model, 8, opset.ToArray());
        }
        ProtoWire.WriteBytes(model, 7, graph.ToArray());
        return model.ToArray();
    }

    private static void Node(Stream graph, string op, string[] inputs, string[] outputs, (string Name, long Value)? attribute = null)
    {
        using var n = new MemoryStream();
        foreach (var i in inputs) ProtoWire.WriteString(n, 1, i);
        foreach (var o in outputs) ProtoWire.WriteString(n, 2, o);
        ProtoWire.WriteString(n, 4, op);
        if (attribute is { } a)
        {
            using var at = new MemoryStream();
            ProtoWire.WriteString(at, 1, a.Name);
            ProtoWire.WriteInt(at, 3, a.Value);
            ProtoWire.WriteInt(at, 20, AttributeInt);
            ProtoWire.WriteBytes(n, 5, at.ToArray());
        }
        ProtoWire.WriteBytes(graph, 1, n.ToArray());
    }

    private static void FloatTensor(Stream graph, string name, float[,] values)
    {
        using var t = new MemoryStream();
        ProtoWire.WriteInt(t, 1, values.GetLength(0));
        ProtoWire.WriteInt(t, 1, values.GetLength(1));
        ProtoWire.WriteInt(t, 2, Float);
        ProtoWire.WriteString(t, 8, name);
        ProtoWire.WriteBytes(t, 9, MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref values[0, 0], values.Length)));
        ProtoWire.WriteBytes(graph, 5, t.ToArray());
    }

    private static void Value(Stream graph, int field, string name, int elementType, object[] dims)
    {
        using var shape = new MemoryStream();
        foreach (var d in dims)
        {
            using var dim = new MemoryStream();
            if (d is int size) ProtoWire.WriteInt(dim, 1, size);
            else ProtoWire.WriteString(dim, 2, (string)d);
            ProtoWire.WriteBytes(shape, 1, dim.ToArray());
        }
        using var tensor = new MemoryStream();
        ProtoWire.WriteInt(tensor, 1, elementType);
        ProtoWire.WriteBytes(tensor, 2, shape.ToArray());
        using var type = new MemoryStream();
        ProtoWire.WriteBytes(type, 1, tensor.ToArray());
        using var info = new MemoryStream();
        ProtoWire.WriteString(info, 1, name);
        ProtoWire.WriteBytes(info, 2, type.ToArray());
        ProtoWire.WriteBytes(graph, field, info.ToArray());
    }
}
