using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace BERTopicNet.Onnx;

/// <summary>
/// Embeds sentences with a sentence-transformers model exported to ONNX: tokenisation (BERT's WordPiece with Hugging
/// Face's rules, or XLM-R's SentencePiece Unigram model for models such as paraphrase-multilingual-MiniLM-L12-v2),
/// cut at <see cref="MaxSequenceLength"/> tokens including the start and end tokens ([CLS]/[SEP] or &lt;s&gt;/&lt;/s&gt;),
/// one ONNX Runtime call per batch of documents of similar length, pooling over the attention mask and L2
/// normalisation — the same vectors as Python's <c>SentenceTransformer(...).encode(docs)</c>.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="Encode"/> may be called from several threads at once. The result does not depend on the
/// batch size, the order of the documents or the other documents of the call (padding is masked out), up to
/// float rounding of the matrix kernels (below 1e-5).
/// </remarks>
public sealed partial class SentenceEncoder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly PieceTokenizer _tokenizer;
    private readonly string[] _inputNames;
    private readonly InputKind[] _inputKinds;
    private readonly string _outputName;
    private readonly bool _int32Inputs;
    private readonly PoolingMode _pooling;
    private readonly bool _normalize;
    private readonly bool _sortByLength;
    private readonly int _batchSize;
    private readonly int _maxPieces;
    private readonly int _startId, _endId, _padId;
    private volatile bool _disposed;

    /// <summary>Documents tokenized and length-sorted together (bounds memory on huge corpora; sorting gains little beyond). Settable for tests.</summary>
    internal int WindowSize { get; set; } = 16_384;

    private enum InputKind { Ids, Mask, TokenTypes }

    private SentenceEncoder(byte[]? onnxBytes, string? onnxPath, Func<PieceTokenizer> tokenizer, SentenceEncoderOptions options, ModelFolder? folder, string name)
    {
        options.Validate();
        Name = name;
        MaxSequenceLength = options.MaxSequenceLength ?? folder?.MaxSequenceLength ?? 256;
        if (MaxSequenceLength < 2)
            throw new ArgumentException($"The model's max_seq_length is {MaxSequenceLength}; set SentenceEncoderOptions.MaxSequenceLength to at least 2.", nameof(options));
        _maxPieces = MaxSequenceLength - 2;
        _pooling = options.Pooling ?? folder?.Pooling ?? PoolingMode.Mean;
        _normalize = options.Normalize;
        _sortByLength = options.SortByLength;
        _batchSize = options.BatchSize;
        IntraOpThreads = options.IntraOpThreads ?? Environment.ProcessorCount;
        _tokenizer = tokenizer();
        Tokenizer = _tokenizer is XlmRobertaTokenizer ? TokenizerKind.SentencePiece : TokenizerKind.WordPiece;
        LowerCase = _tokenizer.LowerCase;
        StripAccents = _tokenizer.StripAccents;
        _startId = _tokenizer.StartId;
        _endId = _tokenizer.EndId;
        _padId = _tokenizer.PadId;

        using var so = new SessionOptions
        {
            IntraOpNumThreads = IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (options.UseCuda)
        {
            try { so.AppendExecutionProvider_CUDA(options.CudaDeviceId); }
            catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                throw new InvalidOperationException(
                    $"UseCuda is set but ONNX Runtime's CUDA execution provider could not be loaded ({e.Message.ReplaceLineEndings(" ")}). " +
                    "Reference the package Microsoft.ML.OnnxRuntime.Gpu instead of Microsoft.ML.OnnxRuntime and install CUDA 12 and cuDNN 9, or leave UseCuda false to run on the CPU.", e);
            }
        }
        UsesCuda = options.UseCuda;
        IsInt8 = options.QuantizeInt8;
        Func<byte[], byte[]>? quantize = options.QuantizeInt8 ? bytes => Int8Quantizer.Quantize(bytes, Calibrate, out _) : null;
        _session = OptimizedModelCache.Open(onnxBytes, onnxPath, quantize, so, options.UseCuda ? null : options.OptimizedModelCacheDirectory, name);
        try
        {
            (_inputNames, _inputKinds, _int32Inputs) = MapInputs(_session);
            (_outputName, int dim) = PickOutput(_session);
            Dimension = dim > 0 ? dim : Probe();
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads a model folder: <c>model.onnx</c> (or <c>onnx/model.onnx</c>) plus a SentencePiece model
    /// (<c>sentencepiece.bpe.model</c>, XLM-R style), <c>vocab.txt</c> or a WordPiece
    /// <c>tokenizer.json</c>; settings not given in <paramref name="options"/> are read from the folder's
    /// sentence-transformers configuration files (see <see cref="SentenceEncoderOptions"/>).
    /// </summary>
    /// <param name="directory">The model folder.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder lacks the model or its vocabulary.</exception>
    public static SentenceEncoder FromDirectory(string directory, SentenceEncoderOptions? options = null)
    {
        var folder = ModelFolder.Read(directory);
        var o = options ?? new();
        string name = Path.GetFileName(folder.Directory.TrimEnd(Path.DirectorySeparatorChar));
        if (folder.SentencePiecePath is { } spm)
            return new SentenceEncoder(null, folder.OnnxPath, () => new XlmRobertaTokenizer(spm, o.LowerCase ?? folder.SentenceTransformersLowerCase ?? false), o, folder, name);
        using var vocab = folder.OpenVocab();
        return new SentenceEncoder(null, folder.OnnxPath, () => WordPieces(vocab, o, folder), o, folder, name);
    }

    /// <summary>Loads a model from an ONNX stream and a WordPiece <c>vocab.txt</c> stream (read to their end; the caller disposes them).</summary>
    /// <param name="onnx">The ONNX model.</param>
    /// <param name="vocab">The vocabulary, one token a line, line number = token id.</param>
    /// <param name="options">Settings; null for the defaults (those of all-MiniLM-L6-v2).</param>
    /// <param name="name">The model's name, reported by <see cref="Name"/>.</param>
    public static SentenceEncoder FromStreams(Stream onnx, Stream vocab, SentenceEncoderOptions? options = null, string name = "onnx-model")
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(vocab);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        byte[] bytes;
        using (var ms = new MemoryStream(onnx.CanSeek ? checked((int)Math.Max(0, onnx.Length - onnx.Position)) : 1 << 20))
        {
            onnx.CopyTo(ms);
            bytes = ms.Length == ms.Capacity ? ms.GetBuffer() : ms.ToArray();
        }
        if (bytes.Length == 0) throw new ArgumentException("The ONNX stream is empty.", nameof(onnx));
        var o = options ?? new();
        return new SentenceEncoder(bytes, null, () => WordPieces(vocab, o, null), o, null, name);
    }

    /// <summary>The model's name (its folder's name for <see cref="FromDirectory"/>).</summary>
    public string Name { get; }

    /// <summary>The length of the sentence vectors (384 for all-MiniLM-L6-v2).</summary>
    public int Dimension { get; }

    /// <summary>The longest input in word pieces, [CLS] and [SEP] included.</summary>
    public int MaxSequenceLength { get; }

    /// <summary>How text becomes tokens: BERT's WordPiece or XLM-R's SentencePiece.</summary>
    public TokenizerKind Tokenizer { get; }

    /// <summary>Whether text is lower-cased before it is tokenized.</summary>
    public bool LowerCase { get; }

    /// <summary>Whether accents are stripped before WordPiece (never with SentencePiece).</summary>
    public bool StripAccents { get; }

    /// <summary>The threads ONNX Runtime uses inside one call.</summary>
    public int IntraOpThreads { get; }

    /// <summary>The id that pads a batch's shorter sequences (for tests).</summary>
    internal int PadId => _padId;

    /// <summary>Whether the model's weights were quantised to int8 at load (<see cref="SentenceEncoderOptions.QuantizeInt8"/>).</summary>
    public bool IsInt8 { get; }

    /// <summary>Whether the model runs on a GPU through the CUDA execution provider.</summary>
    public bool UsesCuda { get; }

    /// <summary>
    /// The token ids the model sees for <paramref name="text"/>: [CLS] (&lt;s&gt;), at most
    /// <see cref="MaxSequenceLength"/> − 2 pieces (cut inside a word if need be), [SEP] (&lt;/s&gt;).
    /// </summary>
    public int[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = _tokenizer.Encode(text, _maxPieces);
        var ids = new int[pieces.Length + 2];
        ids[0] = _startId;
        pieces.CopyTo(ids, 1);
        ids[^1] = _endId;
        return ids;
    }

    /// <summary>Embeds <paramref name="documents"/>: row i of the N × <see cref="Dimension"/> result is document i.</summary>
    /// <param name="documents">The documents; empty and whitespace-only strings are allowed (they embed [CLS][SEP], or &lt;s&gt;&lt;/s&gt;).</param>
    /// <param name="progress">Receives the fraction of documents embedded, from 0 to 1, after each batch.</param>
    /// <param name="cancellationToken">Cancels the work (checked between batches and inside a running batch).</param>
    /// <exception cref="ArgumentException">A document is null.</exception>
    public float[,] Encode(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ObjectDisposedException.ThrowIf(_disposed, this);
        int n = documents.Count;
        for (int i = 0; i < n; i++)
            if (documents[i] is null) throw new ArgumentException($"Document {i} is null; pass an empty string for an empty document.", nameof(documents));
        var result = new float[n, Dimension];
        if (n == 0) { progress?.Report(1); return result; }

        var output = MemoryMarshal.CreateSpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(result)), result.Length);
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        int window = Math.Min(n, WindowSize);
        var pieces = new int[window][];
        var order = new int[window];
        var keys = new long[window];
        // Documents are taken in windows (memory stays O(window × max length) however large the corpus), tokenized in
        // parallel, ordered by length inside the window, and run batch by batch.
        for (int w0 = 0; w0 < n; w0 += window)
        {
            int size = Math.Min(window, n - w0);
            Parallel.For(0, size, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => pieces[i] = _tokenizer.Encode(documents[w0 + i], _maxPieces));
            for (int i = 0; i < size; i++) order[i] = i;
            if (_sortByLength)
            {
                // Longest first (stable: equal lengths keep document order), so the largest batch comes first.
                for (int i = 0; i < size; i++) keys[i] = -(long)pieces[i].Length * size + i;
                Array.Sort(keys, order, 0, size);
            }
            for (int start = 0; start < size; start += _batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = Math.Min(_batchSize, size - start);
                try
                {
                    RunBatch(order.AsSpan(start, count), pieces, w0, output, runOptions);
                }
                catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                progress?.Report((double)(w0 + start + count) / n);
            }
        }
        return result;
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _session.Dispose();
    }

    private static WordPieceTokenizer WordPieces(Stream vocab, SentenceEncoderOptions options, ModelFolder? folder)
    {
        bool lower = options.LowerCase ?? folder?.LowerCase ?? true;
        return new WordPieceTokenizer(vocab, lower, options.StripAccents ?? folder?.StripAccents ?? lower);
    }

    private void RunBatch(ReadOnlySpan<int> batch, int[][] pieces, int firstRow, Span<float> output, RunOptions runOptions)
    {
        int b = batch.Length, len = 0;
        foreach (int d in batch) len = Math.Max(len, pieces[d].Length + 2);
        int cells = b * len;
        var ids = new long[cells];
        var mask = new long[cells];
        var lengths = new int[b];
        for (int r = 0; r < b; r++)
        {
            var p = pieces[batch[r]];
            int off = r * len;
            ids[off] = _startId;
            for (int j = 0; j < p.Length; j++) ids[off + 1 + j] = p[j];
            ids[off + p.Length + 1] = _endId;
            for (int j = p.Length + 2; j < len; j++) ids[off + j] = _padId;
            mask.AsSpan(off, p.Length + 2).Fill(1);
            lengths[r] = p.Length + 2;
        }
        long[] shape = [b, len];
        var values = new OrtValue[_inputNames.Length];
        try
        {
            FillInputs(values, _inputKinds, _int32Inputs, ids, mask, shape);
            using var outputs = _session.Run(runOptions, _inputNames, values, [_outputName]);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            int dim = Dimension;
            if (hidden.Length != cells * dim)
                throw new InvalidDataException($"The model's output '{_outputName}' has {hidden.Length} values for a [{b}, {len}] input; expected [{b}, {len}, {dim}].");
            for (int r = 0; r < b; r++)
                Pool(hidden.Slice(r * len * dim, len * dim), lengths[r], output.Slice((firstRow + batch[r]) * dim, dim));
        }
        finally
        {
            foreach (var v in values) v?.Dispose();
        }
    }

    /// <summary>One tensor per model input, by its kind: the ids, the mask, or zeros (token types).</summary>
    private static void FillInputs(OrtValue[] values, InputKind[] kinds, bool int32, long[] ids, long[] mask, long[] shape)
    {
        for (int k = 0; k < values.Length; k++)
        {
            long[] data = kinds[k] switch { InputKind.Ids => ids, InputKind.Mask => mask, _ => new long[ids.Length] };
            values[k] = int32
                ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, v => (int)v), shape)
                : OrtValue.CreateTensorValueFromMemory(data, shape);
        }
    }

    private void Pool(ReadOnlySpan<float> tokens, int length, Span<float> dest)
    {
        int dim = dest.Length;
        switch (_pooling)
        {
            case PoolingMode.Cls:
                tokens[..dim].CopyTo(dest);
                break;
            case PoolingMode.Max:
                tokens[..dim].CopyTo(dest);
                for (int t = 1; t < length; t++) TensorPrimitives.Max(dest, tokens.Slice(t * dim, dim), dest);
                break;
            default:
                tokens[..dim].CopyTo(dest);
                for (int t = 1; t < length; t++) TensorPrimitives.Add(dest, tokens.Slice(t * dim, dim), dest);
                TensorPrimitives.Multiply(dest, 1f / length, dest);
                break;
        }
        if (_normalize)
        {
            float norm = TensorPrimitives.Norm(dest);
            TensorPrimitives.Multiply(dest, 1f / Math.Max(norm, 1e-12f), dest);
        }
    }

    private int Probe()
    {
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputNames,
            _inputNames.Select(_ => _int32Inputs ? OrtValue.CreateTensorValueFromMemory(new int[] { _startId, _endId }, [1, 2]) : OrtValue.CreateTensorValueFromMemory(new long[] { _startId, _endId }, [1, 2])).ToArray(),
            [_outputName]);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        return checked((int)shape[^1]);
    }

    private static (string[] Names, InputKind[] Kinds, bool Int32) MapInputs(InferenceSession session)
    {
        var names = new List<string>();
        var kinds = new List<InputKind>();
        bool? int32 = null;
        foreach (var (name, meta) in session.InputMetadata)
        {
            string lower = name.ToLowerInvariant();
            InputKind kind = lower.Contains("mask") ? InputKind.Mask
                : lower.Contains("type") || lower.Contains("segment") ? InputKind.TokenTypes
                : lower.Contains("ids") || lower.Contains("input") ? InputKind.Ids
                : throw new NotSupportedException($"The model has an input '{name}' that is none of input_ids, attention_mask, token_type_ids.");
            var type = meta.ElementDataType;
            if (type is not (TensorElementType.Int64 or TensorElementType.Int32))
                throw new NotSupportedException($"The model's input '{name}' has element type {type}; int64 or int32 is expected.");
            bool isInt32 = type == TensorElementType.Int32;
            if (int32 is not null && int32 != isInt32) throw new NotSupportedException("The model mixes int32 and int64 inputs.");
            int32 = isInt32;
            names.Add(name);
            kinds.Add(kind);
        }
        if (!kinds.Contains(InputKind.Ids))
            throw new NotSupportedException($"The model has no input_ids input (its inputs: {string.Join(", ", session.InputMetadata.Keys)}).");
        return (names.ToArray(), kinds.ToArray(), int32 ?? false);
    }

    private static (string Name, int Dimension) PickOutput(InferenceSession session)
    {
        string[] preferred = ["last_hidden_state", "token_embeddings"];
        foreach (var p in preferred)
            if (session.OutputMetadata.TryGetValue(p, out var m)) return (p, (int)m.Dimensions[^1]);
        foreach (var (name, meta) in session.OutputMetadata)
            if (meta.Dimensions.Length == 3) return (name, meta.Dimensions[^1]);
        throw new NotSupportedException($"The model has no [batch, tokens, dim] output such as last_hidden_state (its outputs: {string.Join(", ", session.OutputMetadata.Keys)}).");
    }
}
