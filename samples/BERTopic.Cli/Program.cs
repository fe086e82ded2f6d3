using System.CommandLine;
using BERTopicNet.Cli;

// Command-line front end of BERTopic for .NET (DESIGN §7). Each command lives in Commands/ as a class
// implementing ICliCommand and is discovered here, so adding a command touches no other file.
var root = new RootCommand("BERTopic for .NET: run each pipeline stage on your own data. Every command ends its output with one JSON line of stage timings and peak memory.");
foreach (var type in typeof(ICliCommand).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(ICliCommand).IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal))
    root.Subcommands.Add(((ICliCommand)Activator.CreateInstance(type)!).Build());
return CliRunner.Run(root, args);
