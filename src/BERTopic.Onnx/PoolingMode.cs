namespace BERTopicNet.Onnx;

/// <summary>How the token vectors of the transformer's last layer are combined into one sentence vector.</summary>
public enum PoolingMode
{
    /// <summary>The mean of the token vectors over the attention mask (sentence-transformers' <c>pooling_mode_mean_tokens</c>, used by all-MiniLM-L6-v2).</summary>
    Mean,

    /// <summary>The vector of the first token, [CLS] (<c>pooling_mode_cls_token</c>).</summary>
    Cls,

    /// <summary>The element-wise maximum of the token vectors over the attention mask (<c>pooling_mode_max_tokens</c>).</summary>
    Max,
}
