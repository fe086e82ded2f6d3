using System.CommandLine;

namespace BERTopicNet.Cli;

/// <summary>Small helpers to declare options consistently across commands.</summary>
internal static class CliOptions
{
    public static Option<T> Required<T>(string name, string description) =>
        new(name) { Required = true, Description = description };

    public static Option<T> Optional<T>(string name, string description, T defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    public static Option<T?> Optional<T>(string name, string description) =>
        new(name) { Description = description };

    /// <summary>Throws a FileNotFoundException naming the option when an input file is missing.</summary>
    public static string ExistingFile(string path, string option) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{option}: file '{path}' does not exist.", path);
}
