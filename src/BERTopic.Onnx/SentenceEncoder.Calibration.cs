using Microsoft.ML.OnnxRuntime;

namespace BERTopicNet.Onnx;

public sealed partial class SentenceEncoder
{
    /// <summary>
    /// The largest magnitude of each channel of the tensors <paramref name="names"/> (outputs of
    /// <paramref name="model"/>) over <see cref="Int8Calibration.Texts"/>, one text a run so that no padding is measured.
    /// </summary>
    private IReadOnlyDictionary<string, float[]> Calibrate(byte[] model, IReadOnlyList<string> names)
    {
        using var so = new SessionOptions { IntraOpNumThreads = IntraOpThreads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var session = new InferenceSession(model, so);
        var (inputNames, kinds, int32) = MapInputs(session);
        using var runOptions = new RunOptions();
        var ranges = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var text in Int8Calibration.Texts)
        {
            var ids = Array.ConvertAll(Tokenize(text), v => (long)v);
            long[] shape = [1, ids.Length];
            var values = new OrtValue[inputNames.Length];
            try
            {
                FillInputs(values, kinds, int32, ids, Enumerable.Repeat(1L, ids.Length).ToArray(), shape);
                using var outputs = session.Run(runOptions, inputNames, values, names.ToArray());
                for (int o = 0; o < names.Count; o++)
                {
                    var shapeOut = outputs[o].GetTensorTypeAndShape().Shape;
                    int channels = checked((int)shapeOut[^1]);
                    var data = outputs[o].GetTensorDataAsSpan<float>();
                    if (!ranges.TryGetValue(names[o], out var max)) ranges[names[o]] = max = new float[channels];
                    if (max.Length != channels) continue;
                    for (int r = 0; r + channels <= data.Length; r += channels)
                        for (int c = 0; c < channels; c++) max[c] = Math.Max(max[c], Math.Abs(data[r + c]));
                }
            }
            finally
            {
                foreach (var v in values) v?.Dispose();
            }
        }
        return ranges;
    }
}
