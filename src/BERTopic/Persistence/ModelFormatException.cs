namespace BERTopicNet.Persistence;

/// <summary>
/// Thrown when a saved model folder or one of its files (safetensors, JSON) is missing, truncated, malformed,
/// inconsistent or of an unsupported format version. The message names the file and the problem. It derives from
/// <see cref="IOException"/> (<see cref="InvalidDataException"/> is sealed).
/// </summary>
public class ModelFormatException : IOException
{
    /// <summary>Creates the exception with a message only.</summary>
    public ModelFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ModelFormatException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for a problem in <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file (or folder) at fault; it is put at the start of the message.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The error that revealed the problem, if any.</param>
    public ModelFormatException(string filePath, string problem, Exception? innerException = null)
        : base($"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file or folder at fault, when known.</summary>
    public string? FilePath { get; }

    /// <summary>The problem, without the file name, when known.</summary>
    public string? Problem { get; }
}
