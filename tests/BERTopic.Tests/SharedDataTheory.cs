using BERTopicNet.Testing;

namespace BERTopicNet.Tests;

/// <summary>A theory that runs only where <c>../shared/data</c> exists, and is reported as skipped elsewhere.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks the test skipped when the shared data is missing.</summary>
    public SharedDataTheoryAttribute()
    {
        if (!SharedData.Available)
            Skip = "Skipped: ../shared/data (real corpora and Python BERTopic reference outputs) is not present on this machine.";
    }
}
