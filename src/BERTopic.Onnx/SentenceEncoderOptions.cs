namespace BERTopicNet.Onnx;

/// <summary>
/// Settings of a <see cref="SentenceEncoder"/>. Settings left null are read from the model's folder where it says
/// (sentence-transformers' <c>sentence_bert_config.json</c>, <c>1_Pooling/config.json</c>,
/// <c>tokenizer_config.json</c> or <c>tokenizer.json</c>) and otherwise take the documented default, which is
/// what all-MiniLM-L6-v2 expects.
/// </summary>
public sealed class SentenceEncoderOptions
{
    /// <summary>
    /// The longest input in tokens, the start and end tokens ([CLS] and [SEP], or &lt;s&gt; and &lt;/s&gt;) included;
    /// longer texts are cut after <c>MaxSequenceLength - 2</c> pieces, inside a word if need be, as Hugging Face
    /// tokenizers do.
    /// Null (default): the model folder's <c>max_seq_length</c>, else 256 (all-MiniLM-L6-v2's limit).
    /// </summary>
    public int? MaxSequenceLength { get; set; }

    /// <summary>
    /// Documents per ONNX Runtime call. Default 16. With length-sorted batches there is little padding, so on a CPU the
    /// batch size matters little (the <c>embed</c> benchmark measures 1, 16 and 64); without sorting, padding makes
    /// batches 2–3 times slower on 20 Newsgroups.
    /// </summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Threads ONNX Runtime uses inside one call. Null (default): one per processor.</summary>
    public int? IntraOpThreads { get; set; }

    /// <summary>Whether each sentence vector is scaled to unit length (L2). Default true, as BERTopic's default model does.</summary>
    public bool Normalize { get; set; } = true;

    /// <summary>How token vectors become one vector. Null (default): the model folder's <c>1_Pooling/config.json</c>, else <see cref="PoolingMode.Mean"/>.</summary>
    public PoolingMode? Pooling { get; set; }

    /// <summary>
    /// Whether text is lower-cased before it is tokenized. Null (default): for WordPiece, the tokenizer configuration's
    /// <c>do_lower_case</c>/<c>lowercase</c>, else true; for SentencePiece, sentence_bert_config.json's
    /// <c>do_lower_case</c>, else false.
    /// </summary>
    public bool? LowerCase { get; set; }

    /// <summary>Whether accents are removed before WordPiece (NFD, then non-spacing marks dropped). Null (default): the tokenizer configuration's <c>strip_accents</c>, else the same as <see cref="LowerCase"/> (Hugging Face's rule). SentencePiece models normalise text by their own rules and ignore it.</summary>
    public bool? StripAccents { get; set; }

    /// <summary>
    /// Whether documents are grouped into batches by token count so that little padding is computed. Default true.
    /// Results are the same either way (padding is masked); false only serves to measure the gain.
    /// </summary>
    public bool SortByLength { get; set; } = true;

    /// <summary>
    /// Quantises the model's weights to int8 when it is loaded (dynamic quantisation of the MatMuls, with the
    /// outlying activation channels smoothed after a calibration run on built-in texts, and the feed-forward
    /// down-projections quantised blockwise, see <see cref="Int8Quantizer"/>; the result is kept in the optimised-graph
    /// cache). Default false: fp32 gives
    /// sentence-transformers' vectors exactly; int8 is about twice as fast on CPUs with int8 dot-product
    /// instructions (AVX-512 VNNI, AVX-VNNI) and its vectors differ slightly (see the <c>embed-length</c> benchmark
    /// for the measured speed and cosine).
    /// </summary>
    public bool QuantizeInt8 { get; set; }

    /// <summary>
    /// Runs the model on an NVIDIA GPU through ONNX Runtime's CUDA execution provider. Default false. Needs the
    /// <c>Microsoft.ML.OnnxRuntime.Gpu</c> package in place of <c>Microsoft.ML.OnnxRuntime</c>, CUDA 12 and cuDNN 9;
    /// when they are missing, creating the encoder fails with an error that says so.
    /// </summary>
    public bool UseCuda { get; set; }

    /// <summary>
    /// A folder where the graph that ONNX Runtime's optimisers make of the model is kept, so that later processes
    /// load it ready (for all-MiniLM-L6-v2, session creation took 1.0 s instead of 2.6 s in one measurement). Default: <see cref="DefaultOptimizedModelCacheDirectory"/>.
    /// Null: optimise in memory at every load and write nothing. Never used with <see cref="UseCuda"/>. A folder that
    /// cannot be written is ignored; a cached file that fails to load is deleted and made again.
    /// </summary>
    public string? OptimizedModelCacheDirectory { get; set; } = DefaultOptimizedModelCacheDirectory;

    /// <summary>
    /// <c>~/.cache/bertopic-dotnet/onnx</c>, or <c>$BERTOPIC_CACHE/onnx</c> where that variable is set.
    /// </summary>
    public static string DefaultOptimizedModelCacheDirectory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("BERTOPIC_CACHE");
            var root = !string.IsNullOrEmpty(env) ? env
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "bertopic-dotnet");
            return Path.Combine(root, "onnx");
        }
    }

    /// <summary>The GPU used when <see cref="UseCuda"/> is set. Default 0.</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>Returns a copy of these options.</summary>
    public SentenceEncoderOptions Clone() => (SentenceEncoderOptions)MemberwiseClone();

    internal void Validate()
    {
        if (MaxSequenceLength is < 2)
            throw new ArgumentException($"MaxSequenceLength must be at least 2 ([CLS] and [SEP]) but is {MaxSequenceLength}; use 256 for all-MiniLM-L6-v2.", nameof(MaxSequenceLength));
        if (BatchSize < 1)
            throw new ArgumentException($"BatchSize must be at least 1 but is {BatchSize}; 16 is a good value on a CPU.", nameof(BatchSize));
        if (IntraOpThreads is < 1)
            throw new ArgumentException($"IntraOpThreads must be at least 1 but is {IntraOpThreads}; leave it null to use one thread per processor.", nameof(IntraOpThreads));
        if (CudaDeviceId < 0)
            throw new ArgumentException($"CudaDeviceId must not be negative but is {CudaDeviceId}.", nameof(CudaDeviceId));
    }
}
