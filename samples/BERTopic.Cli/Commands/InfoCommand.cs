using System.CommandLine;
using System.Text.Json.Nodes;

namespace BERTopicNet.Cli.Commands;

/// <summary><c>info</c>: prints the library version and the machine's view of it (a smoke test of the CLI).</summary>
internal sealed class InfoCommand : ICliCommand
{
    public Command Build()
    {
        var cmd = new Command("info", "Print the library version, processor count and SIMD support.");
        cmd.SetAction(_ =>
        {
            var clock = new StageClock();
            clock.PrintSummary(new JsonObject
            {
                ["version"] = typeof(BERTopicNet.IO.Npy).Assembly.GetName().Version?.ToString(),
                ["processors"] = Environment.ProcessorCount,
                ["vector_bits"] = System.Numerics.Vector<byte>.Count * 8,
            });
            return 0;
        });
        return cmd;
    }
}
