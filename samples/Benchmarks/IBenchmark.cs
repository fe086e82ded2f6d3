using System.Text.Json.Nodes;

namespace BERTopicNet.Benchmarks;

/// <summary>
/// One benchmark of the benchmark program. Implementations are discovered by reflection (one per file),
/// run as <c>dotnet run -c Release --project samples/Benchmarks -- NAME [args]</c>, and return a JSON
/// object that the program prints and writes to <c>--json PATH</c> when given.
/// </summary>
internal interface IBenchmark
{
    /// <summary>The name used on the command line.</summary>
    string Name { get; }

    /// <summary>One line saying what it measures and which arguments it takes.</summary>
    string Usage { get; }

    /// <summary>Whether the program prints the result as one JSON line rather than indented.</summary>
    bool SingleLine => false;

    /// <summary>Runs the benchmark with the arguments after its name.</summary>
    JsonObject Run(BenchmarkArgs args);
}
