using System.CommandLine;

namespace BERTopicNet.Cli;

/// <summary>A subcommand of the CLI. Implementations are discovered by reflection; keep one per file in Commands/.</summary>
internal interface ICliCommand
{
    /// <summary>Builds the System.CommandLine command with its options and action.</summary>
    Command Build();
}
